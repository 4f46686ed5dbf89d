import { TABLE_1_TOTAL, compareColumn, surveyCiColumn, typeInfoCell } from "../../src/engine";

describe("typeInfoCell (TYPEINFO's rule, in the engine)", () => {
  it("a type, as a number or as text, gives its Table 1 row", () => {
    for (const raw of [3, "3", " 3 "]) {
      const r = typeInfoCell(raw);
      expect(r.ok && r.value).toEqual({ type: 3, name: "Stable less affluent urban areas without manufacturing decline", average: 74.1, areas: 29, band: "Lower cohesion areas", group: "c" });
    }
  });
  it('"total" in any case gives the published total row, never recomputed (decision A8)', () => {
    const r = typeInfoCell(" TOTAL ");
    expect(r.ok && r.value).toEqual({ type: "total", name: "Total", average: TABLE_1_TOTAL.average, areas: TABLE_1_TOTAL.areas, band: "", group: "" });
    expect(r.ok && r.explanation).toMatch(/78\.9 \(353 areas\), as published/);
  });
  it("types 5–9 have no group; blank is missing; anything else is invalid", () => {
    const seven = typeInfoCell(7);
    expect(seven.ok && seven.value.group).toBe("");
    for (const blank of [null, undefined, ""]) expect(typeInfoCell(blank)).toEqual({ ok: false, error: { code: "missing", message: 'Family type is blank; give 1–9 or "total".', field: "type" } });
    for (const bad of [0, 10, 2.5, "x", "   ", true]) {
      const r = typeInfoCell(bad);
      expect(r.ok ? "ok" : r.error.code).toBe("invalid");
    }
  });
});

describe("surveyCiColumn", () => {
  it("one interval per row; p is one column of percentages (60 makes it per cent, so 0.6 is 0.6%)", () => {
    const [a, b] = surveyCiColumn([60, 0.6], [800, 800], null);
    expect(a.ok && a.value.lower).toBeCloseTo(56.57, 2);
    expect(b.ok && b.value.upper).toBeLessThan(2);
  });
  it("the first unusable input is the row's error; a blank deff is 1", () => {
    const out = surveyCiColumn([60, 60, 60, 60], [0, "x", 800, 800], [null, null, 0.5, ""], { method: "normal" });
    expect(out.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["invalid", "invalid", "invalid", "ok"]);
  });
});

describe("compareColumn", () => {
  it("compares each row, polarity for all", () => {
    expect(compareColumn([70, 85, 79], [66, 83, 76], [74, 87, 82], [82, 82, 82]).map((r) => r.ok && r.value)).toEqual(["worse", "better", "similar"]);
    expect(compareColumn([30], [28], [32], [40], "lower").map((r) => r.ok && r.value)).toEqual(["better"]);
  });
  it("the first unusable argument, in order value, lower, upper, benchmark, is the row's error", () => {
    const [r] = compareColumn(["x"], [null], [1], [1]);
    expect(!r.ok && r.error.field).toBe("value");
    const [s] = compareColumn([1], [null], ["y"], [1]);
    expect(!s.ok && s.error.field).toBe("lower");
  });
});
