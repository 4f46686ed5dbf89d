// manifest.xml's <Requirements> against the code: every Office API member the add-in uses, resolved by the
// TypeScript checker to its declaration in @types/office-js / @types/custom-functions-runtime, needs the set its
// JSDoc names; an unconditional use needs it declared in the manifest, a newer one must sit under an
// isSetSupported check (the convention: test/helpers/apiRequirements.ts, and excelApiSupported in src/taskpane/excel/requirements.ts).
import { ExcelStandIn, STAND_IN_REQUIREMENT_SETS, standInSupports } from "../../src/preview/standIn";
import { insertTableSheet } from "../../src/taskpane/excel";
import { DATA_TYPES_VERSION } from "../../src/preview/globals";
import { compareVersions, createProgram, highestUnconditional, manifestSets, readManifest, scanUses, uncovered, type Requirement, type Scan } from "../helpers/apiRequirements";

const MANIFEST_SETS = manifestSets(readManifest());
const show = (r: Requirement) => `${r.set} ${r.version}`;

// The check's own test: a probe file beside the pane (not on disk; only in this program) uses getCellProperties
// (ExcelApi 1.9) unconditionally, under guards high enough, and under one too low. The rest of this file looks
// at the real code only (`scan`); the probe's uses are in `probed`.
const PROBE = "src/taskpane/requirementProbe.ts";
const PROBE_TEXT = [
  'import { excelApiSupported } from "./excel";',
  "export async function probe(context: Excel.RequestContext) {",
  '  const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");',
  "  range.getCellProperties({ address: true }); // line 4: unconditional",
  '  if (excelApiSupported("1.9")) range.getCellProperties({ address: true }); // line 5: guarded',
  '  if (excelApiSupported("1.8")) range.getCellProperties({ address: true }); // line 6: guard too low',
  '  const ok = Office.context.requirements.isSetSupported("ExcelApi", "1.10") ? range.getCellProperties({ address: true }) : null; // line 7: guarded',
  '  if (!excelApiSupported("1.9")) return ok;',
  "  return range.getCellProperties({ address: true }); // line 9: after an early exit",
  "}",
].join("\n");

let scan: Scan;
let probed: Scan["uses"];
beforeAll(() => {
  const all = scanUses(createProgram({ [PROBE]: PROBE_TEXT }));
  probed = all.uses.filter((u) => u.file === PROBE);
  scan = { ...all, uses: all.uses.filter((u) => u.file !== PROBE), common: all.common.filter((c) => c.file !== PROBE), files: all.files.filter((f) => f !== PROBE) };
}, 180_000);

describe("the typings' requirement-set tags (read from the JSDoc)", () => {
  it.each([
    ["Excel.Range.numberFormat", "ExcelApi 1.1"],
    ["Excel.RangeFormat.autofitColumns", "ExcelApi 1.2"],
    ["Excel.Workbook.settings", "ExcelApi 1.4"],
    ["Excel.Application.suspendApiCalculationUntilNextSync", "ExcelApi 1.6"],
    ["Excel.Worksheet.getRangeByIndexes", "ExcelApi 1.7"],
    ["Excel.Worksheet.freezePanes", "ExcelApi 1.7"],
    ["Excel.Range.dataValidation", "ExcelApi 1.8"],
    ["Excel.DataValidation.rule", "ExcelApi 1.8"],
    ["Excel.Range.getCellProperties", "ExcelApi 1.9"],
    ["Office.Addin.showAsTaskpane", "SharedRuntime 1.1"],
    ["CustomFunctions.Error", "CustomFunctionsRuntime 1.2"],
    ["CustomFunctions.ErrorCode.invalidValue", "CustomFunctionsRuntime 1.3"],
  ])("%s is %s", (member, set) => {
    expect(scan.tags.byName.get(member)?.flatMap((t) => t.requirements.map(show))).toEqual([set]);
  });

  it("a tag in a @param block applies to that argument only: getUsedRange(valuesOnly) is ExcelApi 1.1, valuesOnly 1.2", () => {
    const [tag] = scan.tags.byName.get("Excel.Worksheet.getUsedRange") ?? [];
    expect(tag.requirements.map(show)).toEqual(["ExcelApi 1.1"]);
    expect(tag.params.get("valuesOnly")?.map(show)).toEqual(["ExcelApi 1.2"]);
  });
});

describe("manifest.xml declares every set the code needs unconditionally", () => {
  it("scans the pane and the functions", () => {
    expect(scan.files).toEqual(expect.arrayContaining(["src/taskpane/excel/run/write.ts", "src/taskpane/excel/locate.ts", "src/functions/functions.ts", "src/functions/abg.ts", "src/functions/adapter.ts", "src/taskpane/index.tsx"]));
    expect(scan.files.filter((f) => f.startsWith("src/preview/") || f.startsWith("src/cli/"))).toEqual([]);
    expect(scan.uses.filter((u) => u.file.startsWith("src/taskpane/excel/")).length).toBeGreaterThan(50);
  });

  it("ExcelApi: no unconditional use above the declared version (each offender named with file and line)", () => {
    expect(uncovered(scan.uses, MANIFEST_SETS, ["ExcelApi"])).toEqual([]);
  });

  it("ExcelApi: declared at exactly the highest version an unconditional use needs (more would turn away Excel versions for nothing)", () => {
    const { version, by } = highestUnconditional(scan.uses, "ExcelApi");
    expect(by && `${by.member} (${by.file}:${by.line})`).toBeTruthy();
    expect(`ExcelApi ${MANIFEST_SETS.get("ExcelApi")}`).toBe(`ExcelApi ${version}`);
  });

  it("newer ExcelApi members are recognised as conditional: data validation (1.8) under excelApiSupported(\"1.8\"), print set-up (1.9) under excelApiSupported(\"1.9\")", () => {
    const guarded = scan.uses.filter((u) => u.guard && u.requirement.set === "ExcelApi" && compareVersions(u.requirement.version, MANIFEST_SETS.get("ExcelApi") ?? "1.1") > 0);
    expect(guarded.map((u) => `${u.member} ${show(u.requirement)} under ${show(u.guard!)}`)).toEqual(
      expect.arrayContaining([
        "Excel.Range.dataValidation ExcelApi 1.8 under ExcelApi 1.8",
        "Excel.DataValidation.rule ExcelApi 1.8 under ExcelApi 1.8",
        "Excel.Worksheet.pageLayout ExcelApi 1.9 under ExcelApi 1.9",
        "Excel.PageLayout.setPrintTitleRows ExcelApi 1.9 under ExcelApi 1.9",
      ]),
    );
  });

  it("CustomFunctionsRuntime: errors with a message need the version that introduced CustomFunctions.Error; the ErrorCode values theirs", () => {
    expect(scan.errorsWithMessage.length).toBeGreaterThan(0);
    const errorClass = scan.tags.byName.get("CustomFunctions.Error")![0].requirements[0];
    const declared = MANIFEST_SETS.get("CustomFunctionsRuntime");
    expect(declared).toBeDefined();
    expect(compareVersions(declared!, errorClass.version)).toBeGreaterThanOrEqual(0);
    expect(uncovered(scan.uses, MANIFEST_SETS, ["CustomFunctionsRuntime"])).toEqual([]);
    expect(`CustomFunctionsRuntime ${declared}`).toBe(`CustomFunctionsRuntime ${highestUnconditional(scan.uses, "CustomFunctionsRuntime").version}`);
  });

  it("SharedRuntime 1.1 is declared (the manifest's one <Runtime> serves the functions and the pane)", () => {
    expect(MANIFEST_SETS.get("SharedRuntime")).toBe("1.1");
    expect(readManifest()).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
  });

  it("every other set any unconditional use names is declared (the common API's sets included)", () => {
    const sets = [...new Set(scan.uses.map((u) => u.requirement.set))];
    expect(uncovered(scan.uses, MANIFEST_SETS, sets)).toEqual([]);
  });

  it("the common API (Office.*): every versioned set its JSDoc names is declared; sets named without a version are reported", () => {
    expect(scan.common.map((c) => c.member)).toContain("Office.onReady");
    const sets = [...new Set(scan.common.flatMap((c) => c.requirements.filter((r) => !r.unversioned).map((r) => r.set)))];
    expect(uncovered(scan.uses.filter((u) => u.member.startsWith("Office.")), MANIFEST_SETS, sets)).toEqual([]);
    // E.g. Office.context.document.settings: "**Requirement set**: Settings" (no version), which every Excel has.
    const unversioned = new Map<string, Set<string>>();
    for (const c of scan.common) for (const r of c.requirements.filter((q) => q.unversioned)) unversioned.set(r.set, (unversioned.get(r.set) ?? new Set()).add(`${c.member} (${c.file}:${c.line})`));
    if (unversioned.size) {
      console.info(`Common API sets the typings name without a version (reported, not declared): ${[...unversioned].map(([set, at]) => `${set}: ${[...at].join(", ")}`).join("; ")}`);
    }
  });
});

describe("the check fails on a newer unconditional call (the probe above)", () => {
  it("names the member, file and line of each unconditional use, and only those", () => {
    const lines = uncovered(probed, MANIFEST_SETS, ["ExcelApi"]);
    const declared = `ExcelApi ${MANIFEST_SETS.get("ExcelApi")}`;
    const advice = 'declare ExcelApi 1.9, or call it only under isSetSupported("ExcelApi", "1.9") (see excelApiSupported in src/taskpane/excel/requirements.ts)';
    expect(lines).toEqual([
      `${PROBE}:4: Excel.Range.getCellProperties, Excel.CellPropertiesLoadOptions.address need ExcelApi 1.9, but manifest.xml declares ${declared} — ${advice}`,
      `${PROBE}:6: Excel.Range.getCellProperties, Excel.CellPropertiesLoadOptions.address need ExcelApi 1.9, but manifest.xml declares ${declared} — ${advice}`,
    ]);
    expect(probed.filter((u) => u.member === "Excel.Range.getCellProperties" && u.guard).map((u) => u.line)).toEqual([5, 7, 9]);
  });

  it("a manifest one version short fails on the real code too", () => {
    const short = new Map(MANIFEST_SETS).set("ExcelApi", "1.6");
    expect(uncovered(scan.uses, short, ["ExcelApi"]).join("\n")).toMatch(/^src\/taskpane\/excel\/[\w/]+\.ts:\d+: Excel\.Worksheet\.getRangeByIndexes needs ExcelApi 1\.7, but manifest\.xml declares ExcelApi 1\.6/m);
  });
});

describe("the preview's stand-in claims the sets it implements", () => {
  it.each([
    ["ExcelApi", "1.1", true],
    ["ExcelApi", "1.7", true],
    ["ExcelApi", "1.8", true],
    ["ExcelApi", "1.9", true],
    ["ExcelApi", "1.10", false],
    ["CustomFunctionsRuntime", "1.3", true],
    ["CustomFunctionsRuntime", "1.4", false],
    ["SharedRuntime", "1.1", true],
    ["DialogApi", "1.1", false],
    ["ExcelApiOnline", "1.1", false],
  ])("isSetSupported(%s, %s) is %s", (set, version, expected) => {
    expect(standInSupports(set, version)).toBe(expected);
  });

  it("covers what the manifest requires (the preview runs everything Excel would)", () => {
    for (const [set, version] of MANIFEST_SETS) expect([set, version, standInSupports(set, version)]).toEqual([set, version, true]);
  });

  it("claims ExcelApi at the newest set of anything the pane calls, conditional calls included: it implements them all", () => {
    // The custom functions call no Excel API: their ExcelApi uses are the data types' values (next test).
    const pane = scan.uses.filter((u) => u.requirement.set === "ExcelApi" && !u.file.startsWith("src/functions/"));
    const newest = pane.reduce((m, u) => (compareVersions(u.requirement.version, m) > 0 ? u.requirement.version : m), "1.1");
    expect(`ExcelApi ${STAND_IN_REQUIREMENT_SETS.ExcelApi}`).toBe(`ExcelApi ${newest}`);
  });

  it("the functions' ExcelApi uses are data-type values (COHESION.AREA's entity, ExcelApi 1.16), each guarded, which the preview shows while it calculates", () => {
    const fns = scan.uses.filter((u) => u.requirement.set === "ExcelApi" && u.file.startsWith("src/functions/"));
    expect(fns.length).toBeGreaterThan(0);
    expect(fns.filter((u) => !/CellValue|Entity|CardLayout|CellValueProviderAttributes|PropertyMetadata/.test(u.member)).map((u) => u.member)).toEqual([]);
    expect(fns.filter((u) => !u.guard || compareVersions(u.guard.version, "1.16") !== 0).map((u) => `${u.file}:${u.line} ${u.member}`)).toEqual([]);
    expect(DATA_TYPES_VERSION).toBe("1.16");
  });

  it("and does implement the conditional path: an action-plan table gets its in-cell lists when the stand-in answers", async () => {
    const x = new ExcelStandIn().addSheet("Data");
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { requirements: { isSetSupported: standInSupports } } };
    try {
      const out = await insertTableSheet(x.run, "Plan", [["Title"]], ["Action", "Status"], [["A01", "Planned"]], { lists: [{ column: "Status", choices: ["Planned", "Done"] }] });
      expect(out).toEqual({ sheet: "Plan" });
    } finally {
      delete g.Office;
    }
    expect(x.dataValidations("Plan")).toHaveLength(1);
  });
});
