import type { FileProblem } from "../../sandbox/sandbox-files.ts";
import { refuseOutsideWorkspace } from "./guard-path.ts";
import type { ToolContext, ToolResult } from "./tool.ts";

type Refused = "outside" | "dangling" | "link" | "linked-dir";

/** Problems that are the workspace rule at work: refused, and recorded as policy decisions. */
const REFUSALS: Record<Refused, string> = {
  outside: "it leads outside the workspace through a symbolic link",
  dangling: "it leads through a symbolic link whose target does not exist",
  link: "it is a symbolic link; writing through links is not allowed, write to the file it points to instead",
  "linked-dir": "it leads through a symbolic link; writing through links is not allowed, name the path it points to instead",
};

const FAILURES: Record<Exclude<FileProblem, Refused>, (name: string, size: number | undefined) => string> = {
  missing: (name) => `"${name}" does not exist.`,
  "not-directory": (name) => `"${name}" has a part that is a file, not a directory.`,
  directory: (name) => `"${name}" is a directory; list it with the shell tool (e.g. \`ls ${name}\`).`,
  "not-regular": (name) => `"${name}" is not a regular file.`,
  "too-large": (name, size) => `"${name}" is ${size} bytes, too large to load whole; read parts of it with the shell tool (e.g. \`sed -n '1,200p' ${name}\`).`,
  unreadable: (name) => `"${name}" is not accessible (permission denied).`,
  unwritable: (name) => `"${name}" cannot be written (permission denied).`,
  changed: (name) => `"${name}" changed while it was being opened; try again.`,
  "write-failed": (name) => `"${name}" could not be written completely; the disk may be full.`,
  "no-space": (name) => `The content for "${name}" does not fit in the sandbox's /tmp.`,
};

/** What the model reads when the sandbox did not read or write `path` (as the model named it). */
export function fileProblemResult(found: { problem: FileProblem; size?: number }, path: string, tool: string, context: ToolContext): ToolResult {
  const { problem } = found;
  if (isRefused(problem)) return refuseOutsideWorkspace(path, `Refused "${path}": ${REFUSALS[problem]}.`, tool, context);
  const message = FAILURES[problem](path, found.size);
  return { output: `${tool} failed: ${message}`, isError: true, details: { error: message } };
}

const isRefused = (problem: FileProblem): problem is Refused => problem in REFUSALS;
