/**
 * The environment every sandboxed command gets, and nothing else from the host: commands
 * run non-interactively (no pager, no prompts, no colours) and see no secret of Ferry's.
 */
export const COMMAND_ENV: Readonly<Record<string, string>> = {
  CI: "true",
  PAGER: "cat",
  GIT_PAGER: "cat",
  GIT_TERMINAL_PROMPT: "0",
  TERM: "dumb",
  NO_COLOR: "1",
  LANG: "C.UTF-8",
  DEBIAN_FRONTEND: "noninteractive",
};
