import { z } from "zod";
import { fileProblemResult } from "./file-problems.ts";
import { splitLines } from "./file-text.ts";
import { guardPath } from "./guard-path.ts";
import type { Tool } from "./tool.ts";

const writeFileArguments = z.strictObject({
  path: z.string().describe("Path relative to the workspace root, e.g. src/new-module.ts."),
  content: z.string().describe("The whole new content of the file."),
});

export const writeFileTool: Tool<typeof writeFileArguments> = {
  name: "write_file",
  description:
    "Create a file, or replace a file's whole content, in the workspace. Missing parent directories are created. To change part of an existing file, use edit_file instead.",
  arguments: writeFileArguments,
  async run({ path, content }, context) {
    const guard = guardPath(path, "write", "write_file", context);
    if (!guard.ok) return guard.refusal;
    // Written inside the sandbox, as its user: never through a link, new files 0644.
    const written = await context.sandbox.files.write(guard.relative, Buffer.from(content, "utf8"), { signal: context.signal });
    if (!written.ok) return fileProblemResult(written, path, "write_file", context);
    const { created } = written;
    const bytes = Buffer.byteLength(content);
    const lines = splitLines(content).length;
    return {
      output: `${created ? "Created" : "Replaced the content of"} "${path}" (${lines} lines, ${bytes} bytes).`,
      isError: false,
      details: { path: guard.relative, created, bytes, lines },
    };
  },
};
