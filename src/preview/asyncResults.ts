/**
 * The preview's answer to custom functions that return a Promise (ISSUES, ACTIONS and BENCHMARK load their
 * content on first use: src/functions/content.ts). The formula evaluator (formulas.ts) is synchronous, as the
 * stand-in's recalculation is; so, as in Excel, such a call shows #BUSY! until its Promise settles. Then
 * `onSettled` runs (the host recalculates and redraws) and the same call with the same arguments reads the
 * settled result. The functions are pure (the same arguments give the same answer), so a result is kept
 * for the session; the oldest are dropped past `limit`.
 */
export const BUSY = { error: "#BUSY!", message: "Still computing: this function's data is loading (it shows its result when loaded, as Excel does)." };

interface Entry {
  settled: boolean;
  value?: unknown;
  failure?: unknown;
}

export class AsyncResults {
  private readonly entries = new Map<string, Entry>();
  /** Functions seen returning a Promise: their calls are looked up before they are made. */
  private readonly asyncIds = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly onSettled: () => void = () => {},
    private readonly limit = 500,
  ) {}

  /**
   * Calls fn(...args) unless this call (function id and arguments) is already pending or settled. Returns
   * { value } for a plain or settled result, { failure } for a rejected Promise (the caller maps it like a
   * thrown error), or { busy: true } while the Promise is pending.
   */
  call(id: string, fn: (...args: unknown[]) => unknown, args: unknown[]): { value: unknown } | { failure: unknown } | { busy: true } {
    const key = this.asyncIds.has(id) ? `${id}\u0000${JSON.stringify(args)}` : null;
    const known = key === null ? undefined : this.entries.get(key);
    if (known) return !known.settled ? { busy: true } : "failure" in known ? { failure: known.failure } : { value: known.value };
    const result = fn(...args);
    if (!isThenable(result)) return { value: result };
    this.asyncIds.add(id);
    this.track(key ?? `${id}\u0000${JSON.stringify(args)}`, result);
    return { busy: true };
  }

  /** Resolves when every call made so far has settled (tests; the host needs only onSettled). */
  async settled(): Promise<void> {
    while ([...this.entries.values()].some((e) => !e.settled)) await new Promise((r) => setTimeout(r, 0));
  }

  private track(key: string, pending: PromiseLike<unknown>) {
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    const entry: Entry = { settled: false };
    this.entries.set(key, entry);
    const settle = (e: Partial<Entry>) => {
      Object.assign(entry, e, { settled: true });
      if (this.scheduled) return;
      this.scheduled = true; // several calls settling together: one recalculation
      setTimeout(() => {
        this.scheduled = false;
        this.onSettled();
      }, 0);
    };
    pending.then(
      (value) => settle({ value }),
      (failure: unknown) => settle({ failure }),
    );
  }
}

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";
