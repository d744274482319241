import { countTokens } from "../context/tokens.ts";
import { readRepoTree, type DirNode } from "./repo-tree.ts";

/** Most tokens of the map in the task prompt. */
export const DEFAULT_REPO_MAP_TOKENS = 2_000;
/** A directory with more files than this shows a count by extension instead of their names. */
const MAX_FILES_LISTED = 20;
/** A render longer than this many characters per token of budget cannot fit; it is not tokenised. */
const CHARS_PER_TOKEN_CEILING = 10;
/** Kept free for the notes under the map when choosing how deep to expand. */
const NOTES_TOKENS = 40;

export type RepoMapOptions = { maxTokens?: number; maxEntries?: number };

/**
 * A compact map of the checkout for the task prompt, read on the host with node:fs (never git:
 * the checkout's .git is the agent's and may hold planted config). Directories are expanded
 * level by level while the map fits the token budget; deeper ones show a file count.
 */
export async function buildRepoMap(root: string, options: RepoMapOptions = {}): Promise<string> {
  const maxTokens = options.maxTokens ?? DEFAULT_REPO_MAP_TOKENS;
  const { tree, complete } = await readRepoTree(root, options.maxEntries);
  const fits = (lines: string[]) => {
    const text = lines.join("\n");
    return text.length <= maxTokens * CHARS_PER_TOKEN_CEILING && countTokens(text) <= maxTokens - NOTES_TOKENS;
  };
  let depth = 1;
  let map = render(tree, depth);
  for (let deeper = render(tree, depth + 1); map.collapsed && fits(deeper.lines); deeper = render(tree, depth + 1)) {
    map = deeper;
    depth++;
  }
  const notes = [
    ...(map.collapsed ? [`Directories deeper than ${depth} ${depth === 1 ? "level" : "levels"} show only how many files they hold.`] : []),
    ...(complete ? [] : ["The listing stopped at its entry limit; directories marked (not read) were not listed."]),
  ];
  return cutToBudget(map.lines, notes, maxTokens);
}

type Rendered = { lines: string[]; collapsed: boolean };

/** The tree with directories expanded down to `depth` levels; `collapsed` says whether a directory was cut short by depth. */
function render(node: DirNode, depth: number, indent = ""): Rendered {
  const lines: string[] = [];
  let collapsed = false;
  const files = node.children.filter((child) => child.kind !== "dir");
  for (const child of node.children) {
    if (child.kind !== "dir") continue;
    const name = `${indent}${display(child.name)}/`;
    if (child.unlisted === "vendored") lines.push(`${name} (not listed: dependencies or build output)`);
    else if (child.unlisted) lines.push(`${name} (not read)`);
    else if (child.children.length === 0) lines.push(`${name} (empty)`);
    else if (depth <= 1) {
      lines.push(`${name} (${plural(child.files, "file")})`);
      collapsed = true;
    } else {
      const inner = render(child, depth - 1, `${indent}  `);
      lines.push(name, ...inner.lines);
      collapsed ||= inner.collapsed;
    }
  }
  if (files.length > MAX_FILES_LISTED) lines.push(`${indent}${plural(files.length, "file")}: ${byExtension(files.map((file) => file.name))}`);
  else lines.push(...files.map((file) => `${indent}${display(file.name)}${file.kind === "link" ? " (symbolic link, not followed)" : ""}`));
  return { lines, collapsed };
}

/** When even the top level does not fit, lines are dropped from the end with a note. */
function cutToBudget(lines: string[], notes: string[], maxTokens: number): string {
  const withNotes = (kept: string[], dropped: number) =>
    [...kept, ...(dropped > 0 ? [`… ${plural(dropped, "more entry", "more entries")} not shown.`] : []), ...notes.map((note) => `(${note})`)].join("\n");
  let kept = lines.length;
  while (kept > 0 && countTokens(withNotes(lines.slice(0, kept), lines.length - kept)) > maxTokens) kept = Math.floor(kept * 0.9);
  return withNotes(lines.slice(0, kept), lines.length - kept);
}

function byExtension(names: string[]): string {
  const counts = new Map<string, number>();
  for (const name of names) {
    const dot = name.lastIndexOf(".");
    const extension = dot > 0 ? name.slice(dot) : "(no extension)";
    counts.set(extension, (counts.get(extension) ?? 0) + 1);
  }
  const sorted = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return sorted.map(([extension, count]) => `${count} ${extension}`).join(", ");
}

/** Names are the repository's data: control characters and edge spaces are shown escaped. */
function display(name: string): string {
  return /[\p{C}]|^\s|\s$/u.test(name) ? JSON.stringify(name) : name;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}
