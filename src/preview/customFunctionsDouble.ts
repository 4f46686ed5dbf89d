/**
 * The CustomFunctions global Excel gives the functions' runtime (custom-functions-runtime: `CustomFunctions.Error`,
 * `CustomFunctions.ErrorCode`, `CustomFunctions.associate`), for every place the functions run outside Excel: the
 * preview (globals.ts, which also registers what `associate` is given), the tests (test/helpers/customFunctions.ts),
 * the function reference (scripts/function-reference.js) and the benches. office-addin-mock has none
 * (Office-Addin-Scripts#733). An error keeps its code and message so a result can be shown or asserted on.
 */

/** `CustomFunctions.ErrorCode`: the codes Microsoft documents for a custom function's error, as Excel shows them. */
export const CUSTOM_FUNCTION_ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** `CustomFunctions.Error`: the error cell a function returns, with Excel's code and the message shown with it. */
export class CustomFunctionsError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message ?? code);
  }
}

/** A custom function as `associate` receives it. */
export type CustomFunction = (...args: unknown[]) => unknown;

/** The global's value; `associate` is given what the functions register (the preview keeps them to calculate formulas). */
export function customFunctionsDouble(associate: (id: string | Record<string, CustomFunction>, fn?: CustomFunction) => void = () => undefined) {
  return { Error: CustomFunctionsError, ErrorCode: CUSTOM_FUNCTION_ERROR_CODES, associate };
}

/** Installs the double as the global CustomFunctions, unless one is there already. */
export function installCustomFunctionsDouble(): void {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  if (!g.CustomFunctions) g.CustomFunctions = customFunctionsDouble();
}
