import { readdir, readFile, readlink } from "node:fs/promises";

/** Whether `pid` is a live process on this machine; a zombie waiting to be reaped counts as gone. */
export async function isRunning(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  // The state follows the command name, which is in parentheses and may itself hold spaces.
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  return state !== "" && state !== "Z";
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
