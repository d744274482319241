import type nock from "nock";
import { INSTALLATION_ID, REPO } from "../fixtures/webhooks.ts";

const repoPath = `/repos/${REPO.owner}/${REPO.name}`;

export function mockInstallationToken(scope: nock.Scope): nock.Scope {
  return scope
    .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
    .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: { issues: "write" } });
}

/** `.github/agent.yml` on the default branch; `undefined` means the repo has none. */
export function mockRepoConfig(scope: nock.Scope, yaml: string | undefined): nock.Scope {
  const interceptor = scope.get(`${repoPath}/contents/.github%2Fagent.yml`).query({ ref: REPO.defaultBranch });
  if (yaml === undefined) return interceptor.reply(404, { message: "Not Found" });
  return interceptor.reply(200, {
    type: "file",
    encoding: "base64",
    name: "agent.yml",
    path: ".github/agent.yml",
    content: Buffer.from(yaml).toString("base64"),
  });
}

export function mockPermission(scope: nock.Scope, login: string, permission: "admin" | "write" | "read" | "none", roleName?: string) {
  return scope
    .get(`${repoPath}/collaborators/${login}/permission`)
    .reply(200, { permission, role_name: roleName ?? permission, user: { login } });
}

export function mockIssueReaction(scope: nock.Scope): nock.Scope {
  return scope.post(`${repoPath}/issues/${REPO.issue}/reactions`, { content: "eyes" }).reply(201, { id: 1, content: "eyes" });
}

export function mockCommentReaction(scope: nock.Scope, commentId: number): nock.Scope {
  return scope.post(`${repoPath}/issues/comments/${commentId}/reactions`, { content: "eyes" }).reply(201, { id: 2, content: "eyes" });
}

/** The status comment's lookup (no comments yet) and creation; `bodies` collects what was posted. */
export function mockNewStatusComment(scope: nock.Scope, bodies: string[] = []): nock.Scope {
  return scope
    .get(`${repoPath}/issues/${REPO.issue}/comments`)
    .query(true)
    .reply(200, [])
    .post(`${repoPath}/issues/${REPO.issue}/comments`, (body: { body?: unknown } | undefined) => {
      if (typeof body?.body !== "string") return false;
      bodies.push(body.body);
      return true;
    })
    .reply(201, { id: 9001 });
}

/** A plain reply on the issue; `bodies` collects what was posted. */
export function mockReply(scope: nock.Scope, bodies: string[] = []): nock.Scope {
  return scope
    .post(`${repoPath}/issues/${REPO.issue}/comments`, (body: { body?: unknown } | undefined) => {
      if (typeof body?.body !== "string") return false;
      bodies.push(body.body);
      return true;
    })
    .reply(201, { id: 9002 });
}

export { repoPath };

/** What GitHub sees once a trigger is accepted with the default config: the status comment. */
export function mockTaskAccepted(scope: nock.Scope, statusBodies: string[] = []): nock.Scope {
  mockRepoConfig(scope, undefined);
  return mockNewStatusComment(scope, statusBodies);
}

/** A writer's label with the default config: config, permission, status comment, 👀 on the issue. */
export function mockLabelAccepted(scope: nock.Scope, statusBodies: string[] = []): nock.Scope {
  mockPermission(scope, "maintainer", "write");
  mockTaskAccepted(scope, statusBodies);
  return mockIssueReaction(scope);
}
