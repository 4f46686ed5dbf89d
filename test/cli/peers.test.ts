import * as fs from "fs";
import * as path from "path";
import { cohesion, ensureBuilt, sha256, tempDir } from "../helpers/cli";

beforeAll(() => ensureBuilt(), 180_000);

// Two indicators; by hand (population SDs): x = [1, 2, 3, 10, 2], y = [10, 10, 10, 50, (blank → mean 20)].
const CSV = "Area,Score,X,Y\nA,70,1,10\nB,71,2,10\nC,72,3,10\nD,73,10,50\nE,74,2,\n";

describe("cohesion peers", () => {
  const dir = tempDir();
  const file = path.join(dir, "areas.csv");
  fs.writeFileSync(file, CSV);
  const before = sha256(file);

  it("prints exactly {area, neighbours[{name, distance}]} in order with --json", () => {
    const r = cohesion(["peers", file, "--area", "A", "--col", "name=Area", "--col", "ind=X", "--col", "ind=Y", "--k", "4", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["area", "neighbours"]);
    expect(out.area).toBe("A");
    expect(out.neighbours.map((n: { name: string }) => n.name)).toEqual(["B", "C", "E", "D"]);
    expect(out.neighbours[3].distance).toBeCloseTo(1, 12); // z-score distances rebased so the farthest is 1
    expect(Object.keys(out.neighbours[0])).toEqual(["name", "distance"]);
    expect(r.stderr).toMatch(/missing value was replaced by the column mean/);
  });
  it("minmax method and the default k (15, or all there are)", () => {
    const r = cohesion(["peers", file, "--area", "A", "--col", "name=Area", "--col", "ind=X", "--method", "minmax", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.neighbours.map((n: { name: string }) => n.name)).toEqual(["B", "E", "C", "D"]); // B and E tie at 1/9: by name
    expect(out.neighbours[0].distance).toBeCloseTo(1 / 9, 12);
  });
  it.each([
    [["--area", "Z", "--col", "name=Area", "--col", "ind=X"], /"Z" is not among/],
    [["--area", "A", "--col", "ind=X"], /missing --col name=HEADER/],
    [["--area", "A", "--col", "name=Area"], /at least one --col ind=HEADER/],
    [["--area", "A", "--col", "name=Area", "--col", "ind=Nope"], /column "Nope" not found/],
    [["--area", "A", "--col", "name=Area", "--col", "ind=X", "--k", "0"], /--k must be a whole number/],
  ])("exit 2 with one line for bad usage %#", (args, msg) => {
    const r = cohesion(["peers", file, ...args]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n").filter((l) => !l.includes("warning:"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(msg);
  });
  it("leaves the input file unchanged", () => expect(sha256(file)).toBe(before));
});
