/**
 * Failure injection for the tests of "never half-written" (test/cli/atomic.test.ts): each write path
 * is made to fail at a chosen point, and the tests check that no temporary file is left and that an
 * existing output is untouched. Set only by the tests, through the environment variable
 * COHESION_TEST_FAULT; it is not an option and is not in the help.
 *   sync     the writer throws synchronously, before it starts
 *   rows     the rows being written throw after the first one (ExcelJS or the reader failing mid-write)
 *   summary  building the summary throws
 *   enospc   the disk refuses the first write (ENOSPC, as on a full disk)
 *   vanish   the output folder is removed just before the rename
 *   stall    the write stops after the first row and waits (for a signal: Ctrl-C, SIGTERM)
 */
export type Fault = "sync" | "rows" | "summary" | "enospc" | "vanish" | "stall";

export function fault(kind: Fault): boolean {
  return process.env.COHESION_TEST_FAULT === kind;
}

export function injected(kind: Fault): Error {
  return Object.assign(new Error(`injected failure (${kind})`), kind === "enospc" ? { code: "ENOSPC" } : {});
}

/** Throws the injected failure when it is the one asked for. */
export function failIf(kind: Fault): void {
  if (fault(kind)) throw injected(kind);
}

/** The rows, passed through; with "rows" or "stall", a failure (or a wait) after the first. */
export async function* faultRows<T>(rows: AsyncIterable<T>): AsyncGenerator<T> {
  let n = 0;
  for await (const row of rows) {
    yield row;
    if (++n === 1 && fault("rows")) throw injected("rows");
    if (n === 1 && fault("stall")) {
      process.stderr.write("cohesion-test: stalled\n");
      await new Promise<never>(() => setInterval(() => undefined, 1000));
    }
  }
}
