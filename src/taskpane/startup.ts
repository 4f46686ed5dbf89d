/**
 * What the add-in does to a workbook when its shared runtime starts (the pane page also hosts the functions,
 * so this runs on the add-in's first use in a workbook, whether the pane was opened or a formula was typed).
 *
 * 1. Load with the workbook. A saved workbook that uses =COHESION.… showed #NAME? until the pane was opened.
 *    Microsoft's answer for a shared runtime is `Office.addin.setStartupBehavior(Office.StartupBehavior.load)`
 *    ("Run code in your Office Add-in when the document opens"; SharedRuntime 1.1): once set in a workbook, the
 *    runtime, and with it the functions, loads whenever that workbook opens. It cannot take effect on the very
 *    first open (the add-in must run once), so it is set on first use, and the pane says so once (a notice kept
 *    in the document's settings until the user dismisses it). The user can turn it off for the workbook; that
 *    choice is remembered and never overridden.
 * 2. The custom-functions metadata cache. Office keeps functions.json for up to 24 hours. Microsoft's documented
 *    switch for a shared runtime is the document setting `Office.ForceRefreshCustomFunctionsCache`
 *    ("Clear the custom functions cache when your add-in runs", custom-functions-troubleshooting): development
 *    builds turn it on, so every change to the functions is picked up on the next open; production builds
 *    remove it from any workbook a development build touched (refreshing every time costs performance).
 *
 * Only documented Office common APIs: Office.addin (SharedRuntime 1.1), Office.context.document.settings.
 */

/* global Office */

export const NOTICE_SETTING = "cohesion.v1|loadOnOpenNotice";
export const OPT_OUT_SETTING = "cohesion.v1|loadOnOpenOff";
export const FORCE_REFRESH_SETTING = "Office.ForceRefreshCustomFunctionsCache";

/** The parts of Office.js used here (typed against the real declarations). */
export interface OfficeStartupApi {
  addin: Pick<typeof Office.addin, "getStartupBehavior" | "setStartupBehavior">;
  StartupBehavior: typeof Office.StartupBehavior;
  AsyncResultStatus: typeof Office.AsyncResultStatus;
  context: {
    requirements: Pick<Office.RequirementSetSupport, "isSetSupported">;
    document: { settings: Pick<Office.Settings, "get" | "set" | "remove" | "saveAsync"> };
  };
}

export interface StartupState {
  /** The workbook now loads the add-in when it opens. */
  loadsOnOpen: boolean;
  /** Show the one-time notice (set on first use; cleared when dismissed). */
  notice: boolean;
  /** Something failed; said in the pane, never thrown. */
  problem?: string;
}

function save(office: OfficeStartupApi): Promise<void> {
  return new Promise((resolve, reject) =>
    office.context.document.settings.saveAsync((r) => (r.status === office.AsyncResultStatus.Failed ? reject(new Error(r.error?.message ?? "settings not saved")) : resolve())),
  );
}

/** Run once when the runtime starts. `development` is true in development builds. */
export async function prepareWorkbook(office: OfficeStartupApi, development: boolean): Promise<StartupState> {
  let dirty = false;
  const state: StartupState = { loadsOnOpen: false, notice: false };
  try {
    const settings = office.context.document.settings;
    if (development) {
      if (settings.get(FORCE_REFRESH_SETTING) !== true) {
        settings.set(FORCE_REFRESH_SETTING, true);
        dirty = true;
      }
    } else if (settings.get(FORCE_REFRESH_SETTING) !== null) {
      settings.remove(FORCE_REFRESH_SETTING);
      dirty = true;
    }
    if (office.context.requirements.isSetSupported("SharedRuntime", "1.1") && settings.get(OPT_OUT_SETTING) !== true) {
      const current = await office.addin.getStartupBehavior();
      if (current !== office.StartupBehavior.load) {
        await office.addin.setStartupBehavior(office.StartupBehavior.load);
        settings.set(NOTICE_SETTING, true);
        dirty = true;
      }
      state.loadsOnOpen = true;
    }
    state.notice = settings.get(NOTICE_SETTING) === true;
    if (dirty) await save(office);
  } catch (e) {
    state.problem = `The toolkit could not set this workbook to load it when it opens (${e instanceof Error ? e.message : String(e)}). Its formulas may show #NAME? after reopening until you open the pane.`;
  }
  return state;
}

/** The user has read the notice. */
export async function dismissNotice(office: OfficeStartupApi): Promise<void> {
  office.context.document.settings.remove(NOTICE_SETTING);
  await save(office);
}

/** The user does not want this workbook to load the add-in when it opens (remembered; formulas then show #NAME? until the pane is opened). */
export async function stopLoadingOnOpen(office: OfficeStartupApi): Promise<void> {
  await office.addin.setStartupBehavior(office.StartupBehavior.none);
  office.context.document.settings.set(OPT_OUT_SETTING, true);
  office.context.document.settings.remove(NOTICE_SETTING);
  await save(office);
}
