import type nock from "nock";
import { INSTALLATION_ID, NAME, OWNER, REPO, REPO_PATH } from "./sweep-fixture.ts";

const PAGE = { per_page: "100", page: "1" };

/**
 * The open issues carrying `label`, each labelled by a maintainer with write access: the sweep
 * asks who labelled the issues it may pick (asked or not, as selection decides; see approvals.test.ts).
 */
export function mockIssues(scope: nock.Scope, issues: object[], label = "agent-backlog"): nock.Scope {
  for (const issue of issues) {
    const number = "number" in issue ? Number(issue.number) : 0;
    scope.get(`${REPO_PATH}/issues/${number}/events`).query(PAGE).optionally().reply(200, [labeledEvent(label, "maintainer")]);
  }
  scope.get(`${REPO_PATH}/collaborators/maintainer/permission`).optionally().times(20).reply(200, { permission: "write", role_name: "write", user: { login: "maintainer" } });
  return scope.get(`${REPO_PATH}/issues`).query({ state: "open", labels: label, ...PAGE }).reply(200, issues);
}

/** An issue's `labeled` event, as GET /repos/{owner}/{repo}/issues/{issue_number}/events lists it. */
export function labeledEvent(label: string, login: string, type: "User" | "Bot" = "User") {
  return { id: 1, event: "labeled", actor: { login, type }, label: { name: label, color: "ededed" }, created_at: "2025-01-01T00:00:00Z" };
}

/** Every pull request of the repository, open and closed. */
export function mockPulls(scope: nock.Scope, pulls: object[] = []): nock.Scope {
  return scope.get(`${REPO_PATH}/pulls`).query({ state: "all", ...PAGE }).reply(200, pulls);
}

/**
 * A new status comment and 👀 on each issue, as a started task gets; `posted` collects the
 * issue numbers a comment was posted on, `seen` those that got 👀.
 */
export function mockStatusComments(scope: nock.Scope, issueNumbers: number[], posted: number[] = [], seen: number[] = []): nock.Scope {
  for (const issue of issueNumbers) {
    scope
      .get(`${REPO_PATH}/issues/${issue}/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/${issue}/comments`)
      .reply(201, () => {
        posted.push(issue);
        return { id: 7000 + issue };
      })
      .post(`${REPO_PATH}/issues/${issue}/reactions`, { content: "eyes" })
      .reply(201, () => {
        seen.push(issue);
        return { id: 8000 + issue, content: "eyes" };
      });
  }
  return scope;
}

/** `.github/agent.yml` on the default branch; undefined means there is none. */
export function mockConfig(scope: nock.Scope, yaml: string | undefined): nock.Scope {
  const interceptor = scope.get(`${REPO_PATH}/contents/.github%2Fagent.yml`).query({ ref: REPO.defaultBranch });
  if (yaml === undefined) return interceptor.reply(404, { message: "Not Found" });
  return interceptor.reply(200, { type: "file", encoding: "base64", content: Buffer.from(yaml).toString("base64") });
}

/** One installation holding the one repository, as the App sees it. */
export function mockInstallation(scope: nock.Scope, pushedAt = "2025-03-01T00:00:00Z"): nock.Scope {
  scope.get("/app/installations").query(PAGE).reply(200, [{ id: INSTALLATION_ID, suspended_at: null }]);
  return mockInstalledRepos(scope, pushedAt);
}

/** The installation's one repository. */
export function mockInstalledRepos(scope: nock.Scope, pushedAt = "2025-03-01T00:00:00Z"): nock.Scope {
  return scope.get("/installation/repositories").query(PAGE).reply(200, { total_count: 1, repositories: [repository(pushedAt)] });
}

/** The lookups of `runNow("octo-org/widgets")`. */
export function mockNamedRepo(scope: nock.Scope): nock.Scope {
  return scope.get(`${REPO_PATH}/installation`).reply(200, { id: INSTALLATION_ID }).get(REPO_PATH).reply(200, repository());
}

/** A repository as the installation lists it; `widgets` unless named. */
export function repository(pushedAt = "2025-03-01T00:00:00Z", name = NAME) {
  return {
    name,
    full_name: `${OWNER}/${name}`,
    owner: { login: OWNER },
    clone_url: `https://github.com/${OWNER}/${name}.git`,
    default_branch: REPO.defaultBranch,
    archived: false,
    disabled: false,
    pushed_at: pushedAt,
  };
}
