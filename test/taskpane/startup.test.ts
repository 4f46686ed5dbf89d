/**
 * Loading with the workbook (issue: #NAME? on reopen) and the functions' metadata cache, against the preview's
 * stand-in for Office.addin and Office.context.document.settings (src/preview/officeDocument.ts: Office's enum
 * values, null for a missing setting, saveAsync with an AsyncResult).
 */
import { ASYNC_STATUS, START_UP, createPreviewDocument } from "../../src/preview/officeDocument";
import { FORCE_REFRESH_SETTING, NOTICE_SETTING, OPT_OUT_SETTING, dismissNotice, prepareWorkbook, stopLoadingOnOpen, type OfficeStartupApi } from "../../src/taskpane/startup";

function office(options: { sharedRuntime?: boolean; failSave?: boolean } = {}) {
  const doc = createPreviewDocument();
  if (options.failSave) doc.settings.saveAsync = (cb) => cb?.({ status: ASYNC_STATUS.Failed, error: { message: "the workbook is read-only" } });
  const api = {
    addin: doc.addin,
    StartupBehavior: START_UP,
    AsyncResultStatus: ASYNC_STATUS,
    context: { requirements: { isSetSupported: (name: string) => name !== "SharedRuntime" || options.sharedRuntime !== false }, document: { settings: doc.settings } },
  } as unknown as OfficeStartupApi;
  return { api, doc };
}

describe("prepareWorkbook: loading with the workbook", () => {
  it("on first use sets the workbook to load the add-in when it opens, saves, and asks for the notice once", async () => {
    const { api, doc } = office();
    expect(await prepareWorkbook(api, false)).toEqual({ loadsOnOpen: true, notice: true });
    expect(doc.state.startupBehavior).toBe("Load");
    expect(doc.state.saved[NOTICE_SETTING]).toBe(true);
    expect(doc.state.saves).toBe(1);
  });

  it("on reopening (already Load) changes nothing and keeps the notice until it is dismissed", async () => {
    const { api, doc } = office();
    await prepareWorkbook(api, false);
    const again = await prepareWorkbook(api, false);
    expect(again).toEqual({ loadsOnOpen: true, notice: true });
    expect(doc.state.saves).toBe(1); // nothing new to save
    await dismissNotice(api);
    expect(await prepareWorkbook(api, false)).toEqual({ loadsOnOpen: true, notice: false });
    expect(doc.state.saved[NOTICE_SETTING]).toBeUndefined();
  });

  it("respects a workbook the user told not to load the add-in, on every later start", async () => {
    const { api, doc } = office();
    await prepareWorkbook(api, false);
    await stopLoadingOnOpen(api);
    expect(doc.state.startupBehavior).toBe("None");
    expect(doc.state.saved[OPT_OUT_SETTING]).toBe(true);
    expect(await prepareWorkbook(api, false)).toEqual({ loadsOnOpen: false, notice: false });
    expect(doc.state.startupBehavior).toBe("None");
  });

  it("does nothing to the startup behaviour where SharedRuntime 1.1 is missing", async () => {
    const { api, doc } = office({ sharedRuntime: false });
    expect(await prepareWorkbook(api, false)).toEqual({ loadsOnOpen: false, notice: false });
    expect(doc.state.startupBehavior).toBe("None");
  });

  it("says what failed, in words, instead of throwing", async () => {
    const { api } = office({ failSave: true });
    const state = await prepareWorkbook(api, false);
    expect(state.problem).toMatch(/could not set this workbook to load it when it opens \(the workbook is read-only\)\. Its formulas may show #NAME\?/);
  });
});

describe("prepareWorkbook: the custom functions' metadata cache", () => {
  it("a development build turns on Office.ForceRefreshCustomFunctionsCache (Microsoft's documented switch)", async () => {
    const { api, doc } = office();
    await prepareWorkbook(api, true);
    expect(FORCE_REFRESH_SETTING).toBe("Office.ForceRefreshCustomFunctionsCache");
    expect(doc.state.saved[FORCE_REFRESH_SETTING]).toBe(true);
  });

  it("a production build removes it from a workbook a development build touched, and never adds it", async () => {
    const { api, doc } = office();
    await prepareWorkbook(api, true);
    await prepareWorkbook(api, false);
    expect(FORCE_REFRESH_SETTING in doc.state.saved).toBe(false);
    const fresh = office();
    await prepareWorkbook(fresh.api, false);
    expect(FORCE_REFRESH_SETTING in fresh.doc.state.saved).toBe(false);
  });
});
