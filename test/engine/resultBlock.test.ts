/** The result block's rules (issues 12.3 and 12.5): which columns a run writes, where, and the workbook marker both tools read. */
import {
  blockFingerprints,
  blockMarkerName,
  cellKey,
  evaluateColumns,
  findBlockByHeaders,
  gridFingerprint,
  groupsFor,
  headersFor,
  isValidBlock,
  listCells,
  nextBlockId,
  OUTPUT_HEADERS,
  parseMarkerName,
  planBlock,
  summaryMarkerName,
  userTypedCells,
} from "../../src/engine";

const ABG = ["ABG band", "ABG allocation", "ABG band range", "Notes"] as const;
const FAM = ["Family type", "Family type name", "Family group", "Notes"] as const;

describe("only what was asked (issue 12.5)", () => {
  it("a score alone asks for the grant bands, proxies alone for the family groups; Notes always", () => {
    expect(groupsFor(["score", "ci"])).toEqual(["grantBands"]);
    expect(groupsFor(["nvq4", "rural", "a8"])).toEqual(["familyGroups"]);
    expect(groupsFor(["score", "nvq4"])).toEqual(["familyGroups", "grantBands"]);
    expect(headersFor(["grantBands"])).toEqual([...ABG]);
    expect(headersFor(["familyGroups"])).toEqual([...FAM]);
    expect(headersFor(["familyGroups", "grantBands"])).toEqual([...OUTPUT_HEADERS]);
  });
  it("a CI without a score says so in the note", () => {
    expect(evaluateColumns({ ci: [2] }, 1)[0].notes).toEqual(["ABG: no Score (get on well together %) column"]);
  });
  it("recognises the blocks a run writes by their headers, widest first", () => {
    expect(isValidBlock([...ABG])).toBe(true);
    expect(isValidBlock(["ABG band", "Notes"])).toBe(false);
    expect(findBlockByHeaders(["Area", "Score", ...OUTPUT_HEADERS])).toEqual({ start: 2, headers: [...OUTPUT_HEADERS] });
    expect(findBlockByHeaders(["Area", "Score", ...ABG, "Mine"])).toEqual({ start: 2, headers: [...ABG] });
    expect(findBlockByHeaders(["Area", "Notes", "Family type"])).toBeNull();
  });
  it("plans one block: grown in place when nothing is to its right, moved (and the old one emptied) when something is", () => {
    expect(planBlock(null, [...ABG], 3)).toEqual({ start: 3, columns: [3, 4, 5, 6], reused: [false, false, false, false], clear: [] });
    expect(planBlock({ start: 3, headers: [...ABG] }, [...OUTPUT_HEADERS], 7).columns).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const moved = planBlock({ start: 3, headers: [...ABG] }, [...OUTPUT_HEADERS], 8);
    expect(moved).toEqual({ start: 8, columns: [8, 9, 10, 11, 12, 13, 14], reused: [false, false, false, false, false, false, false], clear: [3, 4, 5, 6] });
    expect(planBlock({ start: 3, headers: [...OUTPUT_HEADERS] }, [...ABG], 12)).toEqual({ start: 3, columns: [3, 4, 5, 6], reused: [false, false, false, false], clear: [7, 8, 9] });
  });
});

describe("the workbook marker (issue 12.3)", () => {
  it("a block's name carries its rows and a fingerprint per column, and reads back; a summary's its grid's fingerprint", () => {
    const fps = blockFingerprints([...ABG], [[2, 540000, "band 2 or band 3", "warning"], [5, 150000, "band 5", null]]);
    expect(fps).toHaveLength(4);
    for (const f of fps) expect(f).toMatch(/^[0-9a-z]{7}$/);
    const name = blockMarkerName({ id: 2, rows: 2, columns: fps });
    expect(name).toMatch(/^CohesionToolkit\.Block2\.r2\.[0-9a-z_]+$/);
    expect(name.length).toBeLessThanOrEqual(255);
    expect(parseMarkerName(name)).toEqual({ kind: "block", id: 2, rows: 2, columns: fps });
    expect(parseMarkerName(name.toUpperCase())).toEqual({ kind: "block", id: 2, rows: 2, columns: fps }); // Excel's names ignore case
    expect(parseMarkerName("CohesionToolkit.Block1.r10.formulas")).toEqual({ kind: "block", id: 1, rows: 10, columns: null });
    const grid = [["Cohesion Toolkit summary"], [], ["Rows", 3]];
    const s = summaryMarkerName({ fingerprint: gridFingerprint(grid) });
    expect(parseMarkerName(s)).toEqual({ kind: "summary", fingerprint: gridFingerprint(grid) });
    expect(parseMarkerName("Print_Area")).toBeNull();
    expect(nextBlockId([name, "CohesionToolkit.Block1.r10.formulas", "Other"])).toBe(3);
  });
  it("reads cells as both tools hold them: blank is blank whether null or \"\", numbers as numbers, formulas as their text", () => {
    expect([null, undefined, ""].map(cellKey)).toEqual(["", "", ""]);
    expect(cellKey(540000)).toBe("540000");
    expect(cellKey({ formula: "A1*2", result: 4 })).toBe("=A1*2");
    expect(gridFingerprint([["a", null], ["b"]])).toBe(gridFingerprint([["a", ""], ["b", ""]]));
  });
  it("names the cells typed since a block was written: only in columns whose fingerprint changed, never a blank or a value the toolkit writes there now", () => {
    const headers = [...ABG];
    const written = [[2, 540000, "band 2", null], [5, 150000, "band 5", null], [1, 660000, "band 1", null]];
    const marker = { id: 1, rows: 3, columns: blockFingerprints(headers, written) };
    const cols = (rows: unknown[][]) => headers.map((_, k) => rows.map((r) => r[k]));
    expect(userTypedCells(marker, headers, cols(written), cols(written))).toEqual([]);
    const now = written.map((r) => [...r]);
    now[1][3] = "checked by Bob"; // typed in Notes
    now[2][0] = ""; // a result deleted: nothing to keep
    expect(userTypedCells(marker, headers, cols(now), cols(written))).toEqual([[3, 1]]);
    // Live formulas: the columns are the toolkit's spill, nothing is the user's.
    expect(userTypedCells({ ...marker, columns: null }, headers, cols(now), cols(written))).toEqual([]);
    expect(listCells(["J5", "L9"])).toBe("J5 and L9");
    expect(listCells(Array.from({ length: 12 }, (_, i) => `A${i + 1}`))).toBe("A1, A2, A3, A4, A5, A6, A7, A8, A9, A10 and 2 more");
  });
});
