/**
 * A tiny route table for the stand-in: templates written as GitHub's OpenAPI writes them
 * (`/repos/{owner}/{repo}/issues/{issue_number}`), `{name+}` for a parameter that may hold
 * slashes (a file path, a ref). Literal segments beat parameters, as on GitHub.
 */
export type Call = {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The installation whose token authorised the call (installation-scoped routes only). */
  installationId: number | undefined;
};

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
export type Handler = (call: Call) => Reply | Promise<Reply>;
export type Route = { method: string; template: string; pattern: RegExp; names: string[]; handle: Handler };

export function route(method: string, template: string, handle: Handler): Route {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}+]+)(\+?)\}$/.exec(part);
      if (!param?.[1]) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      names.push(param[1]);
      return param[2] ? "(.+)" : "([^/]+)";
    })
    .join("");
  return { method, template, pattern: new RegExp(`^${source}$`), names, handle };
}

const literalLength = (template: string): number => template.replace(/\{[^}]+\}/g, "").length;

export function findRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  const sorted = [...routes].sort((a, b) => literalLength(b.template) - literalLength(a.template));
  for (const candidate of sorted) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const params = Object.fromEntries(candidate.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")]));
    return { route: candidate, params };
  }
  return undefined;
}

export const ok = (body: unknown, status = 200): Reply => ({ status, body });
export const notFound = (): Reply => ({ status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest" } });
export const unprocessable = (message: string): Reply => ({ status: 422, body: { message, documentation_url: "https://docs.github.com/rest" } });

/** One page of `items` as GitHub pages them (`per_page` default 30, max 100), with a Link header. */
export function page<T>(call: Call, items: T[]): Reply {
  const perPage = Math.min(Number(call.query.get("per_page") ?? 30) || 30, 100);
  const number = Math.max(Number(call.query.get("page") ?? 1) || 1, 1);
  const slice = items.slice((number - 1) * perPage, number * perPage);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  if (number >= last) return ok(slice);
  const next = new URLSearchParams(call.query);
  next.set("page", String(number + 1));
  return { status: 200, body: slice, headers: { link: `<http://standin/api/v3${call.path}?${next.toString()}>; rel="next"` } };
}

export const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
export const int = (value: string | undefined): number => Number.parseInt(value ?? "", 10);
