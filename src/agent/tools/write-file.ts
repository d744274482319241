import { z } from "zod";
import { splitLines } from "./file-text.ts";
import { guardPath } from "./guard-path.ts";
import type { Tool } from "./tool.ts";
import { writeRegularFile } from "./workspace-file.ts";
import { workspaceOwner } from "./workspace-owner.ts";

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
    const guard = await guardPath(path, "write", "write_file", context);
    if (!guard.ok) return guard.refusal;
    const { created } = await writeRegularFile(guard.target, content, path, await workspaceOwner(context.workDir));
    const bytes = Buffer.byteLength(content);
    const lines = splitLines(content).length;
    return {
      output: `${created ? "Created" : "Replaced the content of"} "${path}" (${lines} lines, ${bytes} bytes).`,
      isError: false,
      details: { path: guard.target.real, created, bytes, lines },
    };
  },
};
