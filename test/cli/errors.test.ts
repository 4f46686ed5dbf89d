import * as fs from "fs";
import * as path from "path";
import { DATA_VERSION } from "../../src/engine";
import { cohesion, ensureBuilt, ROOT, sha256, tempDir } from "../helpers/cli";

let dir: string;
let csv: string;

beforeAll(() => {
  ensureBuilt();
  dir = tempDir();
  csv = path.join(dir, "in.csv");
  fs.writeFileSync(csv, "Area,Score,CI\nA,59,2\n");
}, 180_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Exit 2, exactly one line on stderr, no stack trace, nothing on stdout. */
function expectUsageError(r: ReturnType<typeof cohesion>, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(/^cohesion: [^\n]+\n$/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).toMatch(message);
}

/** Files in the output folder other than the inputs: no output and no temporary file left behind. */
const leftovers = (...keep: string[]) => fs.readdirSync(dir).filter((f) => !keep.includes(f));

describe("cohesion: help, version and usage errors", () => {
  it("--help and --version exit 0", () => {
    const h = cohesion(["--help"]);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/cohesion apply <input\.xlsx\|input\.csv> --out/);
    const v = cohesion(["--version"]);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(v).toMatchObject({ code: 0, stdout: `cohesion ${pkg.version} (data ${DATA_VERSION})\n` });
    const a = cohesion(["apply", "--help"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/"get on well together"/); // synonyms listed from the engine
  });

  it.each([
    [[], /missing command/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [["apply"], /missing the input file/],
    [["apply", "in.csv"], /missing --out/],
    [["apply", "in.csv", "--out"], /--out/],
    [["apply", "in.csv", "--out", "o.csv", "--bogus"], /Unknown option '--bogus'/],
    [["apply", "in.csv", "--out", "o.csv", "--scale", "big"], /--scale must be one of "auto", "percent", "fraction"; got "big"/],
    [["apply", "in.csv", "--out", "o.csv", "--basis", "mid"], /--basis must be one of "point", "lower", "upper"/],
    [["apply", "in.csv", "--out", "o.csv", "--col", "colour=Red"], /FIELD must be one of score, ci, nvq4, rural, a8, jobs1984, singleissue/],
    [["apply", "in.csv", "--out", "o.csv", "--col", "score"], /give the column's header after "="/],
    [["apply", "in.csv", "--out", "o.pdf"], /output o\.pdf: use an \.xlsx or \.csv file/],
    [["apply", "in.csv", "--out", "o.csv", "--sheet", "Data"], /--sheet applies to \.xlsx input only/],
  ])("%j → exit 2 with one line", (args, message) => {
    expectUsageError(cohesion(args as string[], { cwd: dir }), message);
    expect(leftovers("in.csv")).toEqual([]);
  });
});

describe("cohesion apply: unreadable input and unsafe output", () => {
  it("a missing input file", () => {
    expectUsageError(cohesion(["apply", path.join(dir, "nope.xlsx"), "--out", path.join(dir, "o.xlsx")]), /cannot read .*nope\.xlsx: no such file/);
  });

  it.each([
    ["random bytes", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), /: not an \.xlsx workbook \(the file is not a zip archive\)/],
    ["a broken zip", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(200, 1)]), /: the \.xlsx file is damaged: its zip directory is missing or cut short/],
    // Excel saves a password-protected workbook as an OLE compound file; this one has no readable directory
    // (test/cli/hostile.test.ts builds real ones, encrypted and .xls).
    ["an OLE compound file", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4088)]), /: it is an OLE compound file \(an encrypted workbook, an old \.xls or another Office file\), not an \.xlsx workbook/],
  ])("%s named .xlsx → exit 2, no output, no temporary file", (_, bytes, message) => {
    const bad = path.join(dir, "bad.xlsx");
    fs.writeFileSync(bad, bytes);
    expectUsageError(cohesion(["apply", bad, "--out", path.join(dir, "o.xlsx")]), new RegExp(`cannot read .*bad\\.xlsx${message.source}`));
    expect(leftovers("in.csv", "bad.xlsx")).toEqual([]);
    fs.rmSync(bad);
  });

  it("a workbook named .csv, and a binary .csv", () => {
    const zip = path.join(dir, "zip.csv");
    fs.writeFileSync(zip, Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(100)]));
    expectUsageError(cohesion(["apply", zip, "--out", path.join(dir, "o.csv")]), /it is a zip file .*give it the \.xlsx extension/);
    fs.writeFileSync(zip, Buffer.from([1, 0, 2, 0, 3]));
    expectUsageError(cohesion(["apply", zip, "--out", path.join(dir, "o.csv")]), /not a CSV text file/);
    fs.rmSync(zip);
  });

  it("an empty file, and a table with no recognised columns", () => {
    const empty = path.join(dir, "empty.csv");
    fs.writeFileSync(empty, "\n\n");
    expectUsageError(cohesion(["apply", empty, "--out", path.join(dir, "o.csv")]), /is empty: no header row/);
    fs.writeFileSync(empty, "Colour,Size\nred,3\n");
    expectUsageError(cohesion(["apply", empty, "--out", path.join(dir, "o.csv")]), /no input columns recognised in header row 1 .*"Colour" \(A\), "Size" \(B\).*--col/);
    fs.rmSync(empty);
  });

  it("an unknown --col header → exit 2 naming it and listing the headers", () => {
    expectUsageError(
      cohesion(["apply", csv, "--out", path.join(dir, "o.csv"), "--col", "score=NI 1"]),
      /--col score="NI 1": no column headed "NI 1" in .*in\.csv; its headers are "Area" \(A\), "Score" \(B\), "CI" \(C\)/,
    );
  });

  it("an output that would overwrite the input (same path, another spelling, a symlink, a hard link) → exit 2, input unchanged", () => {
    const before = sha256(csv);
    const link = path.join(dir, "link.csv");
    const hard = path.join(dir, "hard.csv");
    fs.symlinkSync(csv, link);
    fs.linkSync(csv, hard);
    for (const out of [csv, path.join(dir, ".", "sub", "..", "in.csv"), link, hard]) {
      expectUsageError(cohesion(["apply", csv, "--out", out]), /is the input file; the input is never overwritten/);
    }
    expectUsageError(cohesion(["apply", "in.csv", "--out", "./in.csv"], { cwd: dir }), /is the input file/);
    expect(sha256(csv)).toBe(before);
    fs.rmSync(link);
    fs.rmSync(hard);
  });

  it("an output folder that does not exist", () => {
    expectUsageError(cohesion(["apply", csv, "--out", path.join(dir, "no", "such", "o.csv")]), /cannot write .*o\.csv: the folder .* does not exist/);
  });

  it("success replaces an existing output whole and leaves no temporary file", () => {
    const out = path.join(dir, "o.csv");
    fs.writeFileSync(out, "old\n");
    const r = cohesion(["apply", csv, "--out", out]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(out, "utf8")).toMatch(/^\ufeffArea,Score,CI,ABG band,/);
    expect(leftovers("in.csv", "o.csv")).toEqual([]);
    fs.rmSync(out);
  });
});
