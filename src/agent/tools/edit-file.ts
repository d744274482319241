import { z } from "zod";
import { fileProblemResult } from "./file-problems.ts";
import { looksBinary, MAX_FILE_BYTES, numberedLine, splitLines } from "./file-text.ts";
import { guardPath } from "./guard-path.ts";
import type { Tool } from "./tool.ts";

const editFileArguments = z.strictObject({
  path: z.string().describe("Path relative to the workspace root."),
  old: z.string().min(1).describe("The exact text to replace, whitespace and indentation included; it must occur exactly once in the file."),
  new: z.string().describe("The text to put in its place."),
});

/** Lines of context shown around an edit, so the model sees the result without reading the file again. */
const CONTEXT_LINES = 3;

export const editFileTool: Tool<typeof editFileArguments> = {
  name: "edit_file",
  description:
    "Replace one exact piece of text in a workspace file. `old` must match exactly one place in the file, character for character; include a few surrounding lines to make it unique. Returns the edited region with line numbers.",
  arguments: editFileArguments,
  async run({ path, old, new: replacement }, context) {
    if (old === replacement) return failure("`old` and `new` are the same: there is nothing to change.");
    const guard = guardPath(path, "write", "edit_file", context);
    if (!guard.ok) return guard.refusal;
    // Read and written inside the sandbox, never through a link (like write_file).
    const read = await context.sandbox.files.read(guard.relative, { maxBytes: MAX_FILE_BYTES, links: "refuse", signal: context.signal });
    if (!read.ok && read.problem === "missing") return failure(`"${path}" does not exist; create it with write_file.`);
    if (!read.ok) return fileProblemResult(read, path, "edit_file", context);
    const { bytes } = read;
    if (looksBinary(bytes)) return failure(`"${path}" looks like a binary file; edit_file only changes text.`);
    const text = bytes.toString("utf8");
    const at = occurrences(text, old);
    if (at.length === 0) {
      return failure(`\`old\` was not found in "${path}". It must match exactly, whitespace and indentation included: read the lines again with read_file and copy them.`);
    }
    if (at.length > 1) {
      const lines = at.map((index) => lineOf(text, index)).join(", ");
      return failure(`\`old\` occurs ${at.length} times in "${path}" (at lines ${lines}); it must occur exactly once. Add surrounding lines to \`old\` to say which one.`);
    }
    const index = at[0] ?? 0;
    const edited = text.slice(0, index) + replacement + text.slice(index + old.length);
    const written = await context.sandbox.files.write(guard.relative, Buffer.from(edited, "utf8"), { signal: context.signal });
    if (!written.ok) return fileProblemResult(written, path, "edit_file", context);
    const firstLine = lineOf(text, index);
    const newLines = Math.max(1, splitLines(replacement).length);
    return {
      output: `Edited "${path}" at line ${firstLine}:\n${excerpt(edited, firstLine, firstLine + newLines - 1) || "(the file is now empty)"}`,
      isError: false,
      details: { path: guard.relative, line: firstLine, removedChars: old.length, addedChars: replacement.length, bytes: Buffer.byteLength(edited) },
    };
  },
};

/** Every start index of `needle`, overlapping ones included: "aa" in "aaa" is ambiguous. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) found.push(index);
  return found;
}

const lineOf = (text: string, index: number): number => text.slice(0, index).split("\n").length;

function excerpt(text: string, first: number, last: number): string {
  const lines = splitLines(text);
  const from = Math.max(1, first - CONTEXT_LINES);
  const to = Math.min(lines.length, last + CONTEXT_LINES, from + 60);
  const shown = [];
  for (let number = from; number <= to; number++) shown.push(numberedLine(number, lines[number - 1] ?? ""));
  return shown.join("\n");
}

const failure = (output: string) => ({ output, isError: true });
