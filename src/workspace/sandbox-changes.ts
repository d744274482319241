import type { Sandbox } from "../sandbox/sandbox.ts";
import { WORKSPACE_PATH } from "../sandbox/sandbox.ts";
import type { ChangedFile } from "./numstat.ts";

/** Most the sandbox may take to list the changes; a tree that takes longer counts as changed. */
const TIMEOUT_MS = 120_000;

/**
 * The agent's change so far, as git inside its own sandbox sees it: for the agent loop only (is
 * there a change to test?), never for what is delivered; delivery freezes the tree once the
 * sandbox has stopped. Git runs on a scratch git dir in the sandbox's /tmp, so nothing the agent
 * configured in its `.git` (filters, fsmonitor, hooks) takes part; the host reads nothing.
 * Throws when the sandbox cannot tell (no git in the image, say).
 */
export async function changesInSandbox(
  sandbox: Sandbox,
  checkout: { workDir: string; baseSha: string },
  signal?: AbortSignal,
): Promise<{ files: ChangedFile[]; patch: string }> {
  if (!/^[0-9a-f]{40,64}$/.test(checkout.baseSha)) throw new Error(`Not a commit id: ${checkout.baseSha}`);
  // The agent may have moved the shell elsewhere; the local sandbox runs in the checkout itself.
  const top = sandbox.kind === "docker" ? WORKSPACE_PATH : checkout.workDir;
  const result = await sandbox.exec(listChangesScript(top, checkout.baseSha), { timeoutMs: TIMEOUT_MS, signal });
  if (result.exitCode !== 0 || result.timedOut || result.truncated) throw new Error(`The sandbox could not list the changes (exit ${result.exitCode ?? "none"})`);
  return { files: parseNumstatLines(result.output), patch: "" };
}

/** In a subshell, so nothing it sets stays in the agent's persistent shell. */
function listChangesScript(top: string, baseSha: string): string {
  return `(
  set -e
  cd ${shellQuote(top)}
  scratch="$(command mktemp -d)"
  trap 'command rm -rf "$scratch"' EXIT
  GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null command git init -q --bare --template= "$scratch"
  command mkdir -p "$scratch/objects/info"
  command printf '%s\\n' "$PWD/.git/objects" > "$scratch/objects/info/alternates"
  export GIT_DIR="$scratch" GIT_WORK_TREE="$PWD" GIT_INDEX_FILE="$scratch/index" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
  git_() { command git -c core.hooksPath=/dev/null -c core.fsmonitor=false -c core.quotePath=false -c core.attributesFile=/dev/null "$@"; }
  git_ read-tree ${baseSha}
  git_ add --all . > /dev/null
  git_ diff --cached --numstat --no-renames --no-ext-diff --no-textconv ${baseSha}
)`;
}

/** `added TAB deleted TAB path` per line; binary files count as `-`. */
export function parseNumstatLines(output: string): ChangedFile[] {
  return output.split("\n").flatMap((line) => {
    const match = /^(-|\d+)\t(-|\d+)\t(.+)$/.exec(line);
    if (!match) return [];
    const [, added = "", deleted = "", path = ""] = match;
    const binary = added === "-" && deleted === "-";
    return [{ path, added: binary ? null : Number(added), deleted: binary ? null : Number(deleted), binary }];
  });
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}
