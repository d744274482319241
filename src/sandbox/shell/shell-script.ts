/**
 * The bash side of the persistent-shell protocol. The shell runs each command as a job of
 * its own (`set -m` gives every job its own process group, so a timeout can kill the whole
 * group and leave the shell alive), with stdin from /dev/null and stderr merged into stdout.
 * What the command left running in the background is killed with it when it ends, so no
 * command can leave work behind that eats the next one's processes or memory. The shell
 * records the job's pid for the killer, and ends with a sentinel line carrying the exit code
 * and how many OOM kills the memory cgroup counted meanwhile.
 */
export function shellPrelude(options: { oomProbe: boolean }): string {
  const oomRead = options.oomProbe
    ? `__ferry_oom_read() { __ferry_oom=0; local f k v; for f in /sys/fs/cgroup/memory.events /sys/fs/cgroup/memory/memory.oom_control; do if [ -r "$f" ]; then while read -r k v; do if [ "$k" = oom_kill ]; then __ferry_oom=$v; fi; done < "$f"; return 0; fi; done; }`
    : `__ferry_oom_read() { __ferry_oom=0; }`;
  return [
    "exec 2>/dev/null",
    "set -m",
    oomRead,
    `__ferry_run() { local before ec job; __ferry_oom_read; before=$__ferry_oom; bash -c "$3" </dev/null 2>&1 & job=$!; echo $job > "$2"; wait $job; ec=$?; kill -KILL -- "-$job" 2>/dev/null; : > "$2"; __ferry_oom_read; printf '\\n__FERRY_%s_%s_%s__\\n' "$1" "$ec" "$((__ferry_oom - before))"; }`,
    "",
  ].join("\n");
}

/** One command for the shell to run; the command text is passed as a single-quoted word. */
export function commandLine(command: string, nonce: string, pidFile: string): string {
  return `__ferry_run ${nonce} ${quote(pidFile)} ${quote(command)}\n`;
}

/** Kills the process group whose leader's pid the shell wrote to `pidFile`; exit 3 when none is running. */
export function killScript(pidFile: string): string {
  return `read -r p < ${quote(pidFile)} 2>/dev/null; if [ -z "$p" ]; then exit 3; fi; kill -KILL -- "-$p" 2>/dev/null; exit 0`;
}

function quote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
