import { expect, test } from "@jest/globals";
import type { GitHubClient } from "../../src/github/client.ts";
import { octokitPlatform } from "../../src/github/octokit-platform.ts";
import { canWrite } from "../../src/github/permissions.ts";

/** A GitHub that answers the permission route with `answer` and records what it was asked. */
function githubAnswering(answer: () => unknown) {
  const asked: unknown[] = [];
  const client = {
    request: async (route: string, parameters: unknown) => {
      asked.push({ route, parameters });
      return { data: answer() };
    },
  } as unknown as GitHubClient;
  return { client: octokitPlatform(client), asked };
}

const refusal = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });

test.each(["admin", "maintain", "write"])("a user with %s permission may steer Ferry", async (permission) => {
  const { client } = githubAnswering(() => ({ permission }));
  expect(await canWrite(client, "octo", "app", "mona")).toBe(true);
});

test.each(["read", "triage", "none"])("a user with %s permission may not", async (permission) => {
  const { client } = githubAnswering(() => ({ permission }));
  expect(await canWrite(client, "octo", "app", "mona")).toBe(false);
});

test("a custom role that grants write counts, though the legacy permission says read", async () => {
  const { client } = githubAnswering(() => ({ permission: "read", role_name: "maintain" }));
  expect(await canWrite(client, "octo", "app", "mona")).toBe(true);
});

test("a custom role name with write as its base permission counts", async () => {
  const { client } = githubAnswering(() => ({ permission: "write", role_name: "release-manager" }));
  expect(await canWrite(client, "octo", "app", "mona")).toBe(true);
});

test("a read role stays read", async () => {
  const { client } = githubAnswering(() => ({ permission: "read", role_name: "read" }));
  expect(await canWrite(client, "octo", "app", "mona")).toBe(false);
});

test("GitHub is asked about this user on this repository", async () => {
  const { client, asked } = githubAnswering(() => ({ permission: "write" }));
  await canWrite(client, "octo", "app", "mona");
  expect(asked).toEqual([
    {
      route: "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
      parameters: { owner: "octo", repo: "app", username: "mona" },
    },
  ]);
});

test("a user who is not a collaborator at all (404) may not", async () => {
  const { client } = githubAnswering(() => {
    throw refusal(404);
  });
  expect(await canWrite(client, "octo", "app", "stranger")).toBe(false);
});

test("any other failure is not taken as a no: the event fails and is retried", async () => {
  const { client } = githubAnswering(() => {
    throw refusal(502);
  });
  await expect(canWrite(client, "octo", "app", "mona")).rejects.toThrow("HTTP 502");
});

test("an answer without a permission is refused as malformed, not read as a yes", async () => {
  const { client } = githubAnswering(() => ({ role_name: "admin" }));
  await expect(canWrite(client, "octo", "app", "mona")).rejects.toThrow();
});
