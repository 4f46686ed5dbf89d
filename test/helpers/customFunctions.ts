/**
 * The CustomFunctions global that Excel provides, for the tests: the preview's double
 * (src/preview/customFunctionsDouble.ts; office-addin-mock has none, Office-Addin-Scripts#733). Errors keep
 * their code and message so tests can assert on them.
 */
import { CustomFunctionsError, customFunctionsDouble } from "../../src/preview/customFunctionsDouble";

export { CustomFunctionsError as StubError };

export function installCustomFunctionsStub(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = customFunctionsDouble();
}

export const isErr = (v: unknown): v is CustomFunctionsError => v instanceof CustomFunctionsError;

/** A result matrix with errors shown as "#CODE: message" for readable assertions. */
export function show(m: unknown[][]): unknown[][] {
  return m.map((row) => row.map((v) => (isErr(v) ? `${v.code} ${v.message}` : v)));
}
