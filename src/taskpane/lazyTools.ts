/**
 * The workbook functions (./excel) as a chunk of their own, fetched from the add-in's origin on first
 * use (issue 17.2): the pane is interactive before any Excel code has loaded. Every method of the tools
 * objects (ExcelTools, ActionPlanTools, AnalysisTools) is async, so the stand-in's methods wait for
 * the module and call the real one; the module is fetched once, and `create` runs once.
 */
export function lazyTools<T extends object>(create: () => Promise<T>): T {
  let real: Promise<T> | null = null;
  const methods = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  return new Proxy({} as T, {
    get(_target, name) {
      // Not a thenable (await, Promise.resolve and React look for `then`), and no other non-method keys.
      if (typeof name !== "string" || name === "then") return undefined;
      let m = methods.get(name);
      if (!m) {
        m = (...args: unknown[]) => (real ??= create()).then((t) => (t as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name](...args));
        methods.set(name, m);
      }
      return m;
    },
  });
}
