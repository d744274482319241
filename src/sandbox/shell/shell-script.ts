import { readFileSync } from "node:fs";

/** The file operations' bash functions; a file of its own so it reads (and checks with `bash -n`) as a script. */
const FILE_FUNCTIONS = readFileSync(new URL("./file-functions.sh", import.meta.url), "utf8");

/**
 * What the shell kills after every command besides the command's own process group:
 * - `all`: every process the shell's user may signal but PID 1 and the shell itself
 *   (`kill -1`); for a container, where PID 1 is the container's own init.
 * - `as-init`: the same, but only while the shell is PID 1 of its own PID namespace (the
 *   local sandbox under `unshare`); run anywhere else it would kill the user's whole session.
 * - `none`: only the process group (the local sandbox without a namespace).
 */
export type Sweep = "all" | "as-init" | "none";

export type PreludeOptions = { oomProbe: boolean; sweep: Sweep };

const SWEEPS: Record<Sweep, string> = {
  all: "kill -KILL -1 2>/dev/null",
  "as-init": '[ "$$" = 1 ] && kill -KILL -1 2>/dev/null',
  none: ":",
};

/**
 * The bash side of the persistent-shell protocol. The shell runs each command as a job of
 * its own (`set -m` gives every job its own process group, so a timeout can kill the whole
 * group and leave the shell alive), with stdin from /dev/null and stderr merged into stdout.
 * When the command ends, its group is killed and then the sweep kills whatever else is left
 * (`setsid`, `nohup`, double forks), so no command leaves work behind. The shell records the
 * job's pid for the killer, and ends with a sentinel line carrying the exit code and how many
 * OOM kills the memory cgroup counted meanwhile. File operations (file-functions.ts) use the
 * same framing.
 */
export function shellPrelude(options: PreludeOptions): string {
  const oomRead = options.oomProbe
    ? `__ferry_oom_read() { __ferry_oom=0; local f k v; for f in /sys/fs/cgroup/memory.events /sys/fs/cgroup/memory/memory.oom_control; do if [ -r "$f" ]; then while read -r k v; do if [ "$k" = oom_kill ]; then __ferry_oom=$v; fi; done < "$f"; return 0; fi; done; }`
    : `__ferry_oom_read() { __ferry_oom=0; }`;
  return [
    "exec 2>/dev/null",
    "set -m",
    oomRead,
    `__ferry_sweep() { ${SWEEPS[options.sweep]}; }`,
    `__ferry_run() { local before ec job; __ferry_oom_read; before=$__ferry_oom; bash -c "$3" </dev/null 2>&1 & job=$!; echo $job > "$2"; wait $job; ec=$?; kill -KILL -- "-$job" 2>/dev/null; __ferry_sweep; : > "$2"; __ferry_oom_read; printf '\\n__FERRY_%s_%s_%s__\\n' "$1" "$ec" "$((__ferry_oom - before))"; }`,
    FILE_FUNCTIONS,
    "",
  ].join("\n");
}

/** One command for the shell to run; the command text is passed as a single-quoted word. */
export function commandLine(command: string, nonce: string, pidFile: string): string {
  return `__ferry_run ${nonce} ${quote(pidFile)} ${quote(command)}\n`;
}

/** One file operation (see file-functions.ts); a write's content follows the line on stdin, byte for byte. */
export function fileLine(request: { op: string; path: string; arg: number }, nonce: string, pidFile: string): string {
  return `__ferry_file ${nonce} ${quote(pidFile)} ${request.op} ${quote(request.path)} ${request.arg}\n`;
}

/** Kills the process group whose leader's pid the shell wrote to `pidFile`; exit 3 when none is running. */
export function killScript(pidFile: string): string {
  return `read -r p < ${quote(pidFile)} 2>/dev/null; if [ -z "$p" ]; then exit 3; fi; kill -KILL -- "-$p" 2>/dev/null; exit 0`;
}

function quote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
