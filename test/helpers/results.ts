import type { EngineErrorCode, Result } from "../../src/engine/types";

/** The value of an ok Result; fails the test with the error message otherwise. */
export function val<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The error of a failed Result; fails the test if it was ok. */
export function err<T>(r: Result<T>, code?: EngineErrorCode): { code: EngineErrorCode; message: string; field?: string } {
  if (r.ok) throw new Error(`expected a failure, got ok: ${JSON.stringify(r.value)}`);
  if (code !== undefined) expect(r.error.code).toBe(code);
  return r.error;
}

/** Warning codes of a Result (empty for failures). */
export function warningCodes<T>(r: Result<T>): string[] {
  return r.ok ? r.warnings.map((w) => w.code) : [];
}

/** Half away from zero to `dp` decimals, as figures are printed in the spec. */
export function round(x: number, dp: number): number {
  const f = 10 ** dp;
  return Math.round(x * f) / f;
}
