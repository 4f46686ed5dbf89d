/** Errors the command line reports as one line on stderr with exit code 2 (usage, unreadable input, …). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Any message as one line (no stack, no line breaks). */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

/** A short description of anything thrown (never a stack trace). */
export function describeError(e: unknown): string {
  if (e instanceof Error) return oneLine(e.message || e.name);
  return oneLine(String(e));
}
