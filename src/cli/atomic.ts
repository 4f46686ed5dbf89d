/**
 * Writing the output safely: everything goes to a temporary file in the output's own directory,
 * which is renamed over the output only when complete. On any failure, or Ctrl-C, the temporary
 * file is removed: the output is either the old file or the complete new one, never half-written.
 */
import * as fs from "fs";
import * as path from "path";
import { randomBytes } from "crypto";
import { CliError, describeError } from "./errors";

const pending = new Set<string>();
let handlersInstalled = false;

function removePending(): void {
  for (const f of pending) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // nothing more to do
    }
  }
  pending.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", removePending);
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.on(signal, () => {
      removePending();
      process.exit(code);
    });
  }
}

/** Runs `write(tempPath)`, then renames the temporary file to `outPath`. */
export async function writeAtomically(outPath: string, shown: string, write: (tempPath: string) => Promise<void> | void): Promise<void> {
  installHandlers();
  const dir = path.dirname(outPath);
  const temp = path.join(dir, `.${path.basename(outPath)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  pending.add(temp);
  try {
    await write(temp);
    fs.renameSync(temp, outPath);
    pending.delete(temp);
  } catch (e) {
    removePending();
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot write ${shown}: ${describeError(e)}`);
  }
}
