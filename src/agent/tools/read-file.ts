import { z } from "zod";
import { fileProblemResult } from "./file-problems.ts";
import { looksBinary, MAX_FILE_BYTES, numberedLine, splitLines } from "./file-text.ts";
import { guardPath } from "./guard-path.ts";
import type { Tool } from "./tool.ts";

/**
 * What one call shows at most; the note at the end says where to go on. Sized to fit the
 * loop's cap on one tool output (about 2,500 tokens), so the cap here, not there, decides.
 */
export const READ_LIMITS = { lines: 300, chars: 9_000 };

const readFileArguments = z.strictObject({
  path: z.string().describe("Path relative to the workspace root, e.g. src/index.ts."),
  start_line: z.int().min(1).optional().describe("First line to show, counting from 1. Default: 1."),
  end_line: z.int().min(1).optional().describe("Last line to show, inclusive. Default: the end of the file."),
});

export const readFileTool: Tool<typeof readFileArguments> = {
  name: "read_file",
  description: `Read a text file of the workspace, with line numbers (a number, a tab, the line). Shows at most ${READ_LIMITS.lines} lines per call; use start_line and end_line to read a part or to go on where the output says.`,
  arguments: readFileArguments,
  async run({ path, start_line: startLine = 1, end_line: endLine }, context) {
    if (endLine !== undefined && endLine < startLine) return failure(`end_line (${endLine}) is before start_line (${startLine}).`);
    const guard = guardPath(path, "read", "read_file", context);
    if (!guard.ok) return guard.refusal;
    // Read inside the sandbox: links are followed there, and only within the workspace.
    const read = await context.sandbox.files.read(guard.relative, { maxBytes: MAX_FILE_BYTES, links: "follow", signal: context.signal });
    if (!read.ok) return fileProblemResult(read, path, "read_file", context);
    const { bytes } = read;
    if (looksBinary(bytes)) return failure(`"${path}" looks like a binary file (${bytes.length} bytes); it is not shown.`, { bytes: bytes.length });
    const lines = splitLines(bytes.toString("utf8"));
    const facts = { bytes: bytes.length, lines: lines.length };
    if (lines.length === 0) return { output: `"${path}" is empty.`, isError: false, details: facts };
    if (startLine > lines.length) return failure(`"${path}" has ${lines.length} lines; start_line ${startLine} is past the end.`, facts);
    const last = Math.min(endLine ?? lines.length, lines.length);
    const shown: string[] = [];
    let chars = 0;
    for (let number = startLine; number <= last && shown.length < READ_LIMITS.lines; number++) {
      const line = numberedLine(number, lines[number - 1] ?? "");
      if (shown.length > 0 && chars + line.length > READ_LIMITS.chars) break;
      shown.push(line);
      chars += line.length + 1;
    }
    const lastShown = startLine + shown.length - 1;
    const output = [...shown, ...partNote(startLine, lastShown, last, lines.length)].join("\n");
    return { output, isError: false, details: { ...facts, startLine, endLine: lastShown } };
  },
};

/** Says which part of the file was shown, and where to read on when the cap stopped short of what was asked. */
function partNote(first: number, lastShown: number, lastAsked: number, total: number): string[] {
  if (first === 1 && lastShown === total) return [];
  const more = lastShown < lastAsked ? `; the output cap stopped here, read on with start_line=${lastShown + 1}` : "";
  return [`[Lines ${first}–${lastShown} of ${total}${more}.]`];
}

const failure = (output: string, details?: Record<string, unknown>) => ({ output, isError: true, details });
