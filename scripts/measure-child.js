// Runs a Node script as a child process and measures it: wall time, CPU time and peak resident memory
// (from `/usr/bin/time -v` when present, else by polling /proc/<pid>/status VmHWM). Used by the CLI
// benchmarks and the big-file test, so both measure the same way.
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const hasTime = fs.existsSync("/usr/bin/time") && spawnSync("/usr/bin/time", ["-v", "true"]).status === 0;

/**
 * @param {string[]} args arguments after `node` (the script first)
 * @param {{cwd?: string, env?: Record<string, string>}} options
 * @returns {Promise<{code: number|null, stdout: string, stderr: string, ms: number, cpuMs: number|null, peakRssMb: number, method: string}>}
 */
function measureChild(args, options = {}) {
  return new Promise((resolve, reject) => {
    const timeFile = path.join(os.tmpdir(), `cohesion-time-${process.pid}-${process.hrtime.bigint()}.txt`);
    const argv = hasTime ? ["-v", "-o", timeFile, process.execPath, ...args] : args;
    const t0 = process.hrtime.bigint();
    const child = spawn(hasTime ? "/usr/bin/time" : process.execPath, argv, { cwd: options.cwd, env: { ...process.env, ...options.env } });
    let stdout = "";
    let stderr = "";
    let polledKb = 0;
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const poll = hasTime
      ? null
      : setInterval(() => {
          try {
            const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
            if (m) polledKb = Math.max(polledKb, Number(m[1]));
          } catch {
            // exited between polls
          }
        }, 20);
    child.on("error", reject);
    child.on("close", (code) => {
      if (poll) clearInterval(poll);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (!hasTime) return resolve({ code, stdout, stderr, ms, cpuMs: null, peakRssMb: Math.round(polledKb / 1024), method: "polling /proc/<pid>/status VmHWM" });
      const report = fs.readFileSync(timeFile, "utf8");
      fs.rmSync(timeFile, { force: true });
      const num = (re) => Number((re.exec(report) || [])[1]);
      // /usr/bin/time reports the child's own exit status: recover it from its report.
      const status = num(/Exit status: (\d+)/);
      resolve({
        code: Number.isNaN(status) ? code : status,
        stdout,
        stderr,
        ms,
        cpuMs: Math.round((num(/User time \(seconds\): ([\d.]+)/) + num(/System time \(seconds\): ([\d.]+)/)) * 1000),
        peakRssMb: Math.round(num(/Maximum resident set size \(kbytes\): (\d+)/) / 1024),
        method: "/usr/bin/time -v",
      });
    });
  });
}

module.exports = { measureChild, hasTime };
