import type { BranchUpdate } from "./push.ts";
import { isValidBranchName } from "./refs.ts";
import { WorkspaceInputError } from "./workspace-errors.ts";

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export async function assertBranchNames(names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (!(await isValidBranchName(name))) throw new WorkspaceInputError(`${JSON.stringify(name)} is not a valid branch name`);
  }
}

/** Branch updates name each branch once, with full commit ids. */
export async function assertBranchUpdates(updates: readonly BranchUpdate[]): Promise<void> {
  if (updates.length === 0) throw new WorkspaceInputError("A push needs at least one branch");
  const names = updates.map((update) => update.name);
  if (new Set(names).size !== names.length) throw new WorkspaceInputError(`A push names a branch twice: ${names.join(", ")}`);
  const badSha = updates.find((update) => !SHA.test(update.sha) || (update.expected != null && !SHA.test(update.expected)));
  if (badSha) throw new WorkspaceInputError(`Branch ${badSha.name} needs full commit ids`);
  await assertBranchNames(names);
}
