import type { NewTask } from "../../../src/tasks/model.ts";

/** A task request for octo-org/widgets, issue 7 unless overridden. */
export function newTask(overrides: { owner?: string; name?: string; issueNumber?: number } = {}): NewTask {
  const owner = overrides.owner ?? "octo-org";
  const name = overrides.name ?? "widgets";
  return {
    repo: {
      owner,
      name,
      installationId: 42,
      cloneUrl: `https://github.com/${owner}/${name}.git`,
      defaultBranch: "main",
    },
    issueNumber: overrides.issueNumber ?? 7,
    trigger: "label",
    requester: "monalisa",
  };
}
