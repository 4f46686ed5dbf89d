/**
 * Writing the output safely: everything goes to a temporary file in the output's own directory,
 * which is renamed over the output only when complete. On any failure, or Ctrl-C, the temporary
 * file is removed: the output is either the old file or the complete new one, never half-written.
 *
 * The temporary file is created here, synchronously, before the writer starts; writers open it
 * only through `tempStream` (flags "r+": never create). So a stream that opens late — after a
 * failure, once the file has been removed — fails to open instead of leaving an empty file behind,
 * and every stream opened on it is destroyed before it is removed.
 */
import * as fs from "fs";
import * as path from "path";
import { randomBytes } from "crypto";
import { CliError, describeError } from "./errors";
import { fault, failIf, injected } from "./faults";

const pending = new Set<string>();
const streams = new Map<string, Set<fs.WriteStream>>();
let handlersInstalled = false;

function removePending(): void {
  for (const f of pending) {
    for (const s of streams.get(f) ?? []) s.destroy();
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // nothing more to do (the folder may be gone)
    }
  }
  pending.clear();
  streams.clear();
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

/** A write stream on a temporary file made by `writeAtomically` (never creates the file itself). */
export function tempStream(temp: string): fs.WriteStream {
  const ws = fs.createWriteStream(temp, { flags: "r+" });
  const set = streams.get(temp) ?? new Set();
  streams.set(temp, set.add(ws));
  if (fault("enospc")) {
    // The disk refuses the first write, as a full disk does.
    const refuse = (_chunk: unknown, _enc: unknown, cb: (e: Error) => void) => cb(injected("enospc"));
    Object.assign(ws, { _write: refuse, _writev: (_chunks: unknown, cb: (e: Error) => void) => cb(injected("enospc")) });
  }
  return ws;
}

/** Waits until a stream is closed (its file descriptor released), whatever happened to it. */
function closed(ws: fs.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (ws.closed) return resolve();
    ws.once("close", () => resolve());
    ws.once("error", () => resolve());
  });
}

/**
 * Runs `produce(stream)` on a stream of the temporary file, then ends the stream and waits until the
 * data is on disk. A failure on either side (the producer, or the disk) destroys the stream and is
 * thrown. `ends`: the producer ends the stream itself (e.g. ExcelJS's streaming writer's commit).
 */
export async function writeToTemp(temp: string, produce: (ws: fs.WriteStream) => Promise<void>, ends = false): Promise<void> {
  const ws = tempStream(temp);
  let failed: Error | null = null;
  const done = new Promise<void>((resolve, reject) => {
    ws.once("finish", () => resolve());
    ws.once("error", (e) => {
      failed = e;
      reject(e);
    });
  });
  done.catch(() => undefined);
  // Only a failure of the stream may end the wait for the producer (a producer waiting on a stream that died would wait for ever).
  const failure = done.then(() => new Promise<void>(() => undefined));
  try {
    await Promise.race([produce(ws), failure]);
    if (failed) throw failed;
    if (!ends) ws.end();
    await done;
  } catch (e) {
    const first = failed ?? e; // not what a producer still writing into the destroyed stream raises next
    ws.destroy();
    await closed(ws);
    throw first;
  }
  await closed(ws);
}

/** Runs `write(tempPath)`, then renames the temporary file to `outPath`. */
export async function writeAtomically(outPath: string, shown: string, write: (tempPath: string) => Promise<void> | void): Promise<void> {
  installHandlers();
  const dir = path.dirname(outPath);
  const temp = path.join(dir, `.${path.basename(outPath)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  pending.add(temp);
  try {
    fs.closeSync(fs.openSync(temp, "wx", 0o666));
    failIf("sync");
    await write(temp);
    // Nothing may still be writing to the file: wait for every stream opened on it to close.
    await Promise.all([...(streams.get(temp) ?? [])].map(closed));
    if (fault("vanish")) fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(temp, outPath);
    pending.delete(temp);
    streams.delete(temp);
  } catch (e) {
    // Every stream on the temporary file is destroyed and closed before the file is removed.
    const open = [...(streams.get(temp) ?? [])];
    open.forEach((s) => s.destroy());
    await Promise.all(open.map(closed));
    removePending();
    if (e instanceof CliError) throw e;
    throw new CliError(`cannot write ${shown}: ${describeError(e)}`);
  }
}
