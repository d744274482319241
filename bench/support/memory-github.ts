import { Octokit } from "@octokit/rest";

/**
 * A GitHub of one repository's pull requests, in memory, behind a real Octokit (its `fetch`
 * is replaced): benchmarks count the requests a delivery really makes, with no network.
 */
type Pull = { number: number; title: string; body: string; head: string; base: string; draft: boolean; labels: string[]; state: string };
type Body = Record<string, unknown>;

export function memoryGitHub(owner: string, repo: string) {
  const pulls = new Map<number, Pull>();
  let requests = 0;
  let next = 1;
  const shape = (pull: Pull) => ({
    number: pull.number,
    html_url: `https://github.com/${owner}/${repo}/pull/${pull.number}`,
    title: pull.title,
    body: pull.body,
    draft: pull.draft,
    state: pull.state,
    labels: pull.labels.map((name) => ({ name })),
    head: { ref: pull.head, sha: "0".repeat(40), repo: { full_name: `${owner}/${repo}` } },
    base: { ref: pull.base },
  });
  const text = (value: unknown, fallback: string) => (typeof value === "string" ? value : fallback);
  const route = (method: string, url: URL, body: Body): [number, unknown] => {
    const path = url.pathname.replace(`/repos/${owner}/${repo}`, "");
    const number = Number(/^\/(?:pulls|issues)\/(\d+)/.exec(path)?.[1]);
    const pull = pulls.get(number);
    if (method === "GET" && path === "/pulls") {
      const head = url.searchParams.get("head")?.split(":")[1];
      const listed = [...pulls.values()].filter((p) => p.state === "open" && (!head || p.head === head));
      return [200, url.searchParams.get("page") === "1" || !url.searchParams.has("page") ? listed.map(shape) : []];
    }
    if (method === "POST" && path === "/pulls") {
      const created = { number: next++, title: text(body.title, ""), body: text(body.body, ""), head: text(body.head, ""), base: text(body.base, ""), draft: body.draft === true, labels: [], state: "open" };
      pulls.set(created.number, created);
      return [201, shape(created)];
    }
    if (pull && method === "PATCH") {
      Object.assign(pull, {
        title: text(body.title, pull.title),
        body: text(body.body, pull.body),
        base: text(body.base, pull.base),
        state: text(body.state, pull.state),
        labels: Array.isArray(body.labels) ? body.labels.map(String) : pull.labels,
      });
      return [200, shape(pull)];
    }
    if (pull && method === "POST" && path.endsWith("/labels")) {
      pull.labels.push(...(Array.isArray(body.labels) ? body.labels.map(String) : []));
      return [200, []];
    }
    if (method === "POST" || method === "DELETE") return [201, {}];
    return [404, { message: "Not Found" }];
  };
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    requests++;
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const body: Body = typeof init?.body === "string" && init.body !== "" ? JSON.parse(init.body) : {};
    const [status, data] = route(init?.method ?? "GET", url, body);
    return new Response(status === 204 ? null : JSON.stringify(data), { status, headers: { "content-type": "application/json" } });
  };
  return {
    client: new Octokit({ auth: "bench", request: { fetch, retries: 0 } }),
    requests: () => requests,
    open: () => [...pulls.values()].filter((pull) => pull.state === "open"),
  };
}
