import { readdir, readFile, readlink } from "node:fs/promises";

/**
 * Whether `pid` is a live process on this machine. A zombie waiting to be reaped counts as gone,
 * and so does a process with SIGKILL pending: it runs no more code of its own, it only has not
 * been scheduled to die yet (on a loaded machine that takes a moment after the kill returns).
 */
export async function isRunning(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  // The state follows the command name, which is in parentheses and may itself hold spaces.
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  if (state === "" || state === "Z") return false;
  return !(await killPending(pid));
}

const SIGKILL_BIT = 1n << 8n;

/** SIGKILL queued for the thread (SigPnd) or its process (ShdPnd). */
async function killPending(pid: number): Promise<boolean> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  return [...status.matchAll(/^(?:SigPnd|ShdPnd):\s*([0-9a-f]+)$/gm)].some((match) => (BigInt(`0x${match[1]}`) & SIGKILL_BIT) !== 0n);
}

/** Live processes on this machine whose command line is exactly `argv` and whose working directory is `cwd`. */
export async function processesRunning(argv: string[], cwd: string): Promise<number[]> {
  const wanted = `${argv.join("\0")}\0`;
  const pids = (await readdir("/proc")).filter((name) => /^\d+$/.test(name)).map(Number);
  const found: number[] = [];
  for (const pid of pids) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline !== wanted) continue;
    if ((await readlink(`/proc/${pid}/cwd`).catch(() => "")) !== cwd) continue;
    if (await isRunning(pid)) found.push(pid);
  }
  return found;
}
