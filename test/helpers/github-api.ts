import nock from "nock";
import { checkGitHubRequest } from "./openapi.ts";

/**
 * Every nock scope for GitHub's API comes from here, so every request a test sends is
 * checked against GitHub's OpenAPI description. Problems are collected and fail the
 * test in test/setup.ts.
 */
const violations: string[] = [];

export function takeOpenApiViolations(): string[] {
  return violations.splice(0, violations.length);
}

function parseBody(body: unknown): unknown {
  if (typeof body !== "string" || body === "") return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

export function githubApi(baseUrl = "https://api.github.com"): nock.Scope {
  const scope = nock(baseUrl);
  scope.on("request", (request: { method?: string; url?: string }, _interceptor: unknown, body: unknown) => {
    violations.push(...checkGitHubRequest(request.method ?? "GET", request.url ?? "/", parseBody(body)));
  });
  return scope;
}
