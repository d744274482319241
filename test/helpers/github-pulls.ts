import type nock from "nock";

/**
 * A small model of one repository's pull requests behind nock. Each `expect…` adds one
 * interceptor that GitHub's answer is computed from at request time, so a test states
 * exactly which requests it expects (an unexpected one fails, an unused one fails in
 * test/setup.ts) while reading back the pull requests as GitHub would hold them.
 */
export type PullState = {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  labels: string[];
  draft: boolean;
  state: "open" | "closed";
  /** `owner/name` of the head's repository; defaults to this repository (a fork otherwise). */
  headRepo?: string;
  /** The head branch's tip as GitHub lists it; "f…f" unless given. */
  headSha?: string;
};

type Body = Record<string, unknown>;

/** A body matcher that accepts any body and keeps it for the reply (nock 15 hands reply functions no body). */
function keptBody(): { match: (body: Body) => boolean; sent: () => Body } {
  let kept: Body = {};
  const match = (body: Body): boolean => {
    kept = body;
    return true;
  };
  return { match, sent: () => kept };
}

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export function fakePulls(owner: string, name: string) {
  const path = `/repos/${owner}/${name}`;
  const pulls = new Map<number, PullState>();
  /** Every write, in order: `POST /pulls`, `PATCH /issues/101`, … */
  const writes: string[] = [];
  const comments: { number: number; body: string }[] = [];

  const apiShape = (pull: PullState) => ({
    id: pull.number * 1000,
    number: pull.number,
    html_url: `https://github.com/${owner}/${name}/pull/${pull.number}`,
    state: pull.state,
    draft: pull.draft,
    title: pull.title,
    body: pull.body,
    labels: pull.labels.map((label, at) => ({ id: at + 1, name: label })),
    head: { ref: pull.head, sha: pull.headSha ?? "f".repeat(40), repo: { full_name: pull.headRepo ?? `${owner}/${name}` } },
    base: { ref: pull.base, sha: "e".repeat(40), repo: { full_name: `${owner}/${name}` } },
  });
  const known = (number: number): PullState => {
    const pull = pulls.get(number);
    if (!pull) throw new Error(`fakePulls: no pull request #${number}`);
    return pull;
  };

  return {
    pulls,
    writes,
    comments,
    add(pull: Omit<PullState, "state" | "draft" | "labels"> & Partial<PullState>) {
      pulls.set(pull.number, { state: "open", draft: true, labels: [], ...pull });
    },
    open: () => [...pulls.values()].filter((pull) => pull.state === "open").sort((a, b) => a.number - b.number),
    /** One page of open pull requests (all of them, or those based on `base`). */
    expectList(scope: nock.Scope, options: { base?: string; page?: number; pageOf?: PullState[] } = {}) {
      const query = { state: "open", per_page: "100", page: String(options.page ?? 1), ...(options.base ? { base: options.base } : {}) };
      return scope.get(`${path}/pulls`).query(query).reply(200, () => {
        const listed = options.pageOf ?? [...pulls.values()].filter((pull) => pull.state === "open");
        return listed.filter((pull) => !options.base || pull.base === options.base).map(apiShape);
      });
    },
    expectCreate(scope: nock.Scope, number: number) {
      const kept = keptBody();
      return scope.post(`${path}/pulls`, kept.match).reply(201, () => {
        const body = kept.sent();
        writes.push("POST /pulls");
        const pull: PullState = {
          number,
          title: text(body.title) ?? "",
          body: text(body.body) ?? "",
          head: text(body.head) ?? "",
          base: text(body.base) ?? "",
          labels: [],
          draft: body.draft === true,
          state: "open",
        };
        pulls.set(number, pull);
        return apiShape(pull);
      });
    },
    expectReviewRequest(scope: nock.Scope, number: number, refusal?: string) {
      const kept = keptBody();
      return scope.post(`${path}/pulls/${number}/requested_reviewers`, kept.match).reply(() => {
        const body = kept.sent();
        writes.push(`POST /pulls/${number}/requested_reviewers ${JSON.stringify(body.reviewers)}`);
        return refusal ? [422, { message: refusal }] : [201, apiShape(known(number))];
      });
    },
    expectIssuePatch(scope: nock.Scope, number: number) {
      const kept = keptBody();
      return scope.patch(`${path}/issues/${number}`, kept.match).reply(200, () => {
        const body = kept.sent();
        writes.push(`PATCH /issues/${number}`);
        const pull = known(number);
        if (text(body.title) !== undefined) pull.title = text(body.title) ?? "";
        if (text(body.body) !== undefined) pull.body = text(body.body) ?? "";
        if (Array.isArray(body.labels)) pull.labels = body.labels.map(String);
        return { id: number * 1000, number, title: pull.title, body: pull.body, state: pull.state };
      });
    },
    expectPullPatch(scope: nock.Scope, number: number) {
      const kept = keptBody();
      return scope.patch(`${path}/pulls/${number}`, kept.match).reply(200, () => {
        const body = kept.sent();
        writes.push(`PATCH /pulls/${number} ${Object.keys(body).sort().join(",")}`);
        const pull = known(number);
        Object.assign(pull, {
          ...(text(body.title) === undefined ? {} : { title: body.title }),
          ...(text(body.body) === undefined ? {} : { body: body.body }),
          ...(text(body.base) === undefined ? {} : { base: body.base }),
          ...(body.state === "closed" || body.state === "open" ? { state: body.state } : {}),
        });
        return apiShape(pull);
      });
    },
    expectComment(scope: nock.Scope, number: number) {
      const kept = keptBody();
      return scope.post(`${path}/issues/${number}/comments`, kept.match).reply(201, () => {
        const body = kept.sent();
        writes.push(`POST /issues/${number}/comments`);
        comments.push({ number, body: text(body.body) ?? "" });
        return { id: 7000 + number, body: body.body };
      });
    },
    /** Deleting `heads/<branch>`; `status` 422 is GitHub's answer when the branch is already gone. */
    expectDeleteBranch(scope: nock.Scope, branch: string, status: 204 | 422 = 204) {
      return scope.delete(`${path}/git/refs/${encodeURIComponent(`heads/${branch}`)}`).reply(() => {
        writes.push(`DELETE heads/${branch}`);
        return status === 204 ? [204, ""] : [422, { message: "Reference does not exist" }];
      });
    },
  };
}

export type FakePulls = ReturnType<typeof fakePulls>;
