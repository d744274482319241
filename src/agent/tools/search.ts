import { z } from "zod";
import { execOutput, seconds } from "../../sandbox/exec-report.ts";
import { fileProblemResult } from "./file-problems.ts";
import { guardPath } from "./guard-path.ts";
import type { Tool } from "./tool.ts";

export const SEARCH_LIMITS = { matches: 200, lineChars: 300, timeoutMs: 30_000 };

const searchArguments = z.strictObject({
  pattern: z.string().min(1).describe("An extended regular expression (grep -E), e.g. `function\\s+parse` or `TODO|FIXME`."),
  path: z.string().optional().describe("A file or directory relative to the workspace root to search in. Default: the whole workspace."),
});

export const searchTool: Tool<typeof searchArguments> = {
  name: "search",
  description: `Search the workspace's text files for an extended regular expression (like grep -rnE; .git is skipped). Returns up to ${SEARCH_LIMITS.matches} matching lines as path:line:text.`,
  arguments: searchArguments,
  async run({ pattern, path }, context) {
    if (pattern.includes("\0")) return { output: "The pattern contains a NUL byte.", isError: true };
    let where: string[] = [];
    if (path !== undefined) {
      const guard = guardPath(path, "read", "search", context);
      if (!guard.ok) return guard.refusal;
      // Looked up inside the sandbox, where a link may only lead within the workspace.
      const found = await context.sandbox.files.locate(guard.relative, { signal: context.signal });
      if (!found.ok) return fileProblemResult(found, path, "search", context);
      if (!found.exists) return { output: `"${path}" does not exist; name a file or directory of the workspace, or leave path out.`, isError: true };
      where = ["--", shellQuote(guard.relative)];
    }
    const timeoutMs = Math.min(SEARCH_LIMITS.timeoutMs, context.commandTimeoutMs);
    const result = await context.sandbox.exec(searchCommand(pattern, where), { timeoutMs, signal: context.signal });
    const lines = result.output === "" ? [] : result.output.replace(/\n$/, "").split("\n");
    const matches = Math.min(lines.length, SEARCH_LIMITS.matches);
    const details = { exitCode: result.exitCode, matches, durationMs: result.durationMs, timedOut: result.timedOut };
    if (result.timedOut) return { output: `The search was stopped after ${seconds(timeoutMs)}; narrow it with path.\n${execOutput(result)}`, isError: true, details };
    if (result.exitCode === 1) return { output: "No matches.", isError: false, details };
    if (result.exitCode !== 0 && result.exitCode !== 141) return { output: `The search failed: ${execOutput(result)}`, isError: true, details };
    const capped = lines.length > SEARCH_LIMITS.matches ? [`[More than ${SEARCH_LIMITS.matches} matches; only the first ${SEARCH_LIMITS.matches} are shown. Narrow the pattern or the path.]`] : [];
    return { output: [...lines.slice(0, SEARCH_LIMITS.matches), ...capped].join("\n"), isError: false, details };
  },
};

/**
 * Every argument is a single-quoted word, so the pattern is only ever a regex to grep. One
 * line past the cap tells us there were more; grep's own status survives the pipe.
 */
function searchCommand(pattern: string, where: string[]): string {
  const grep = ["grep", "-rHInsE", "--color=never", "--exclude-dir=.git", "-e", shellQuote(pattern), ...where].join(" ");
  return `${grep} | cut -c1-${SEARCH_LIMITS.lineChars} | head -n ${SEARCH_LIMITS.matches + 1}; exit "\${PIPESTATUS[0]}"`;
}

/** One single-quoted shell word: nothing inside it is expanded or executed. */
const shellQuote = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`;
