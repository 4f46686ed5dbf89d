/**
 * The preview's stand-in for the Office common API the pane uses at start-up (src/taskpane/startup.ts):
 * `Office.addin.getStartupBehavior/setStartupBehavior` (SharedRuntime 1.1) and `Office.context.document.settings`
 * (get, set, remove, saveAsync), with Office's enum values (StartupBehavior "None"/"Load"; AsyncResultStatus 0/1).
 * Settings live in memory for the page's life, as unsaved document settings would; `saveAsync` reports success.
 * The state is exposed for the browser tests (`window.__cohesionPreview.document`).
 */
export const START_UP = { none: "None", load: "Load" } as const;
export const ASYNC_STATUS = { Succeeded: 0, Failed: 1 } as const;

export interface PreviewDocument {
  settings: {
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    remove(name: string): void;
    saveAsync(callback?: (result: { status: number; error?: { message: string } }) => void): void;
  };
  addin: {
    getStartupBehavior(): Promise<string>;
    setStartupBehavior(behavior: string): Promise<void>;
  };
  /** For tests: what is stored and saved. */
  state: { startupBehavior: string; saved: Record<string, unknown>; saves: number };
}

export function createPreviewDocument(): PreviewDocument {
  const values = new Map<string, unknown>();
  const state = { startupBehavior: START_UP.none as string, saved: {} as Record<string, unknown>, saves: 0 };
  return {
    settings: {
      // Office returns null for a setting that does not exist.
      get: (name) => (values.has(name) ? values.get(name) : null),
      set: (name, value) => void values.set(name, value),
      remove: (name) => void values.delete(name),
      saveAsync: (callback) => {
        state.saved = Object.fromEntries(values);
        state.saves++;
        setTimeout(() => callback?.({ status: ASYNC_STATUS.Succeeded }), 0);
      },
    },
    addin: {
      getStartupBehavior: async () => state.startupBehavior,
      setStartupBehavior: async (behavior) => {
        if (behavior !== START_UP.none && behavior !== START_UP.load) throw new Error(`Invalid StartupBehavior: ${behavior}`);
        state.startupBehavior = behavior;
      },
    },
    state,
  };
}
