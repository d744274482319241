/** Why a program is usually off limits, for the commands Ferry's defaults deny. */
const HINTS: [prefix: string, hint: string][] = [
  ["git push", "Ferry pushes your work itself."],
  ["sudo", "commands here run without root, so work inside the repository instead."],
  ["npm publish", "publishing is a maintainer's decision, not part of this task."],
];
const GENERIC_HINT = "do this another way, or explain in your final summary why it is needed.";

export function deniedReason(part: string, pattern: string): string {
  const hint = HINTS.find(([prefix]) => part === prefix || part.startsWith(`${prefix} `))?.[1] ?? GENERIC_HINT;
  return `"${part}" is not allowed here (matches "${pattern}"); ${hint}`;
}

export function approvalReason(part: string, pattern: string): string {
  return `"${part}" needs a maintainer's approval here (matches "${pattern}"); it runs only once a writer on the repository approves it with /agent approve.`;
}

export function unparseableReason(error: string): string {
  return `This command is not valid shell (${error}), so bash would not run it either; fix the syntax and send it again.`;
}

export function tooLongReason(bytes: number, limit: number): string {
  return `This command is ${Math.ceil(bytes / 1024)} KiB, over the ${limit / 1024} KiB Ferry checks; write a long script to a file with write_file and run that file instead.`;
}
