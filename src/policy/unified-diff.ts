import { pathFromGitHeader, sidePath, unquoteGitPath } from "./diff-paths.ts";

/** A line of a patch, numbered in the new file (added) or the old file (removed). */
export type DiffLine = { line: number; text: string };

export type FilePatch = {
  /** The path after the change; for a deleted file, the path it had. */
  path: string;
  /** The path before the change, when it differs (a rename). */
  oldPath?: string;
  created: boolean;
  deleted: boolean;
  added: DiffLine[];
  removed: DiffLine[];
};

type Hunk = { oldLine: number; newLine: number; oldLeft: number; newLeft: number };

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Reads `git diff` output file by file. Hunk lines are told apart by the hunk's line counts,
 * so an added line that itself reads `++ x` or `diff --git …` is still content, and binary
 * sections (which have no hunks) contribute no lines.
 */
export function parseUnifiedDiff(patch: string): FilePatch[] {
  const files: FilePatch[] = [];
  let file: FilePatch | undefined;
  let hunk: Hunk | undefined;
  for (const raw of patch.split("\n")) {
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (file && hunk && (hunk.oldLeft > 0 || hunk.newLeft > 0) && readHunkLine(file, hunk, text)) continue;
    hunk = undefined;
    if (text.startsWith("diff --git ")) {
      file = { path: pathFromGitHeader(text.slice("diff --git ".length)), created: false, deleted: false, added: [], removed: [] };
      files.push(file);
    } else if (file) {
      hunk = readHeaderLine(file, text);
    }
  }
  return files;
}

/** Returns false when `text` cannot belong to the hunk, which then has ended early. */
function readHunkLine(file: FilePatch, hunk: Hunk, text: string): boolean {
  const marker = text[0];
  if (marker === "+") {
    file.added.push({ line: hunk.newLine++, text: text.slice(1) });
    hunk.newLeft--;
  } else if (marker === "-") {
    file.removed.push({ line: hunk.oldLine++, text: text.slice(1) });
    hunk.oldLeft--;
  } else if (marker === " " || marker === undefined) {
    hunk.oldLine++;
    hunk.newLine++;
    hunk.oldLeft--;
    hunk.newLeft--;
  } else if (marker !== "\\") {
    return false;
  }
  return true;
}

function readHeaderLine(file: FilePatch, text: string): Hunk | undefined {
  const header = HUNK_HEADER.exec(text);
  if (header) {
    const [, oldStart = "0", oldCount = "1", newStart = "0", newCount = "1"] = header;
    return { oldLine: Number(oldStart), newLine: Number(newStart), oldLeft: Number(oldCount), newLeft: Number(newCount) };
  }
  if (text.startsWith("deleted file mode")) file.deleted = true;
  else if (text.startsWith("new file mode")) file.created = true;
  else if (text.startsWith("rename from ")) file.oldPath = unquoteGitPath(text.slice("rename from ".length));
  else if (text.startsWith("rename to ")) file.path = unquoteGitPath(text.slice("rename to ".length));
  else if (text.startsWith("--- ") && text !== "--- /dev/null") file.oldPath = sidePath(text.slice(4));
  else if (text.startsWith("+++ ") && text !== "+++ /dev/null") file.path = sidePath(text.slice(4));
  if (file.oldPath === file.path) delete file.oldPath;
  return undefined;
}
