import { execFile } from "node:child_process";
import { readdir, readFile, readlink } from "node:fs/promises";

/** How the local shell is started: `unshare` and its options, or nothing when no namespace can be made. */
export type NamespaceLauncher = { prefix: string[] } | { prefix: undefined; reason: string };

/*
 * `--fork` makes the shell PID 1 of a fresh PID namespace: it reaps orphans, `kill -1` from it
 * reaches every other process of the namespace, and when it dies the kernel kills them all.
 * `--mount-proc` gives it a /proc that shows only the namespace (not Ferry's environment);
 * `--kill-child` ends the shell when `unshare` is killed. Root needs no user namespace; anyone
 * else needs unprivileged user namespaces (mapped to their own uid where util-linux can).
 */
const BASE = ["unshare", "--pid", "--fork", "--mount-proc", "--kill-child"];
const CANDIDATES = [
  ...(process.getuid?.() === 0 ? [BASE] : []),
  [...BASE, "--user", "--map-current-user"],
  [...BASE, "--user", "--map-root-user"],
];

let probed: Promise<NamespaceLauncher> | undefined;

/** The first way of starting a namespaced shell that works on this machine; tried once per process. */
export function namespaceLauncher(): Promise<NamespaceLauncher> {
  probed ??= probe();
  return probed;
}

async function probe(): Promise<NamespaceLauncher> {
  let reason = "unshare is not installed";
  for (const prefix of CANDIDATES) {
    const tried = await new Promise<string | undefined>((resolve) => {
      execFile(prefix[0]!, [...prefix.slice(1), "bash", "-c", "[ $$ = 1 ]"], { timeout: 5000 }, (error, _stdout, stderr) => {
        resolve(error ? stderr.trim() || error.message : undefined);
      });
    });
    if (tried === undefined) return { prefix };
    reason = tried;
  }
  return { prefix: undefined, reason };
}

/** The pid of `parent`'s child on this machine, if it has one yet (the namespace's init under `unshare --fork`). */
export async function childOf(parent: number): Promise<number | undefined> {
  for (const pid of await processIds()) {
    if ((await processStat(pid))?.parent === parent) return pid;
  }
  return undefined;
}

/**
 * SIGKILLs every process in the PID namespace of `init` except `init` itself, as `kill -1`
 * from inside would; repeated until none is left, so children forked meanwhile go too.
 * Resolves whether it found any. Pids inside the namespace mean nothing out here, hence the
 * walk over this machine's /proc.
 */
export async function killNamespaceMembers(init: number): Promise<boolean> {
  const namespace = await readlink(`/proc/${init}/ns/pid`).catch(() => undefined);
  if (namespace === undefined) return false;
  let found = false;
  for (let round = 0; round < 50; round++) {
    const members = [];
    for (const pid of await processIds()) {
      if (pid === init || (await readlink(`/proc/${pid}/ns/pid`).catch(() => undefined)) !== namespace) continue;
      // A killed process stays a zombie until init reaps it: it is gone already.
      if ((await processStat(pid))?.state !== "Z") members.push(pid);
    }
    if (members.length === 0) return found;
    found = true;
    for (const pid of members) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Gone already.
      }
    }
  }
  return found;
}

async function processIds(): Promise<number[]> {
  return (await readdir("/proc")).filter((name) => /^\d+$/.test(name)).map(Number);
}

/** State and parent from /proc/<pid>/stat; the command name before them is in parentheses and may hold anything. */
async function processStat(pid: number): Promise<{ state: string; parent: number } | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const [state, parent] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return state && parent ? { state, parent: Number(parent) } : undefined;
}
