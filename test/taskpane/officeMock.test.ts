/**
 * The load/sync discipline against office-addin-mock proper: a property is readable only after
 * `load` and `context.sync()`, and the module loads only what it reads.
 */
import { OfficeMockObject } from "office-addin-mock";
import { readHeaderRow } from "../../src/taskpane/excel";

function mockContext() {
  const mock = new OfficeMockObject({
    workbook: {
      worksheets: {
        sheet: {
          range: { values: [["Authority", "NI 1 %", " CI "]], address: "Sheet1!A1:C1" },
          getRange(this: { range: unknown }) {
            return this.range;
          },
        },
        getItem(this: { sheet: unknown }) {
          return this.sheet;
        },
      },
    },
  });
  return mock as unknown as Excel.RequestContext & { workbook: { worksheets: { sheet: { range: OfficeMockObject & { values: unknown; address: unknown } } } } };
}

describe("readHeaderRow with office-addin-mock", () => {
  it("loads the values, syncs once, then reads them", async () => {
    const ctx = mockContext();
    const range = ctx.workbook.worksheets.sheet.range;
    const load = jest.spyOn(range, "load");
    const sync = jest.spyOn(ctx, "sync");
    expect(await readHeaderRow(ctx, "Sheet1", "A1:C1")).toEqual(["Authority", "NI 1 %", "CI"]);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith("values"); // explicit, never load()
    expect(sync).toHaveBeenCalledTimes(1);
    expect(String(range.address)).toMatch(/not loaded/); // nothing else was loaded
  });

  it("the mock itself refuses a read before load and sync (so the test above means something)", () => {
    const ctx = mockContext();
    expect(String(ctx.workbook.worksheets.sheet.range.values)).toMatch(/not loaded/);
  });
});
