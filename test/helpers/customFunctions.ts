/**
 * A stand-in for the CustomFunctions global that Excel provides (office-addin-mock has none;
 * Office-Addin-Scripts#733). Errors keep their code and message so tests can assert on them.
 */
export class StubError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
  }
}

export function installCustomFunctionsStub(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: StubError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
    },
    associate: () => undefined,
  };
}

export const isErr = (v: unknown): v is StubError => v instanceof StubError;

/** A result matrix with errors shown as "#CODE: message" for readable assertions. */
export function show(m: unknown[][]): unknown[][] {
  return m.map((row) => row.map((v) => (isErr(v) ? `${v.code} ${v.message}` : v)));
}
