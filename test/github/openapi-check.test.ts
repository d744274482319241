import { describe, expect, test } from "@jest/globals";
import { checkGitHubRequest } from "../helpers/openapi.ts";

describe("the OpenAPI request check used by every GitHub test", () => {
  test("accepts a known route with its required body", () => {
    expect(checkGitHubRequest("POST", "/repos/o/r/issues/1/comments", { body: "hi" })).toEqual([]);
  });

  test("rejects a route GitHub does not have", () => {
    expect(checkGitHubRequest("GET", "/repos/o/r/no-such-thing", undefined)).toEqual([
      "GET /repos/o/r/no-such-thing: no such route in GitHub's OpenAPI description",
    ]);
  });

  test("rejects a method the route does not support", () => {
    expect(checkGitHubRequest("DELETE", "/repos/o/r/issues/1/comments", undefined)[0]).toMatch(/has no DELETE operation/);
  });

  test("rejects a body without a required property", () => {
    expect(checkGitHubRequest("POST", "/repos/o/r/check-runs", { name: "Ferry" })).toEqual([
      'POST /repos/o/r/check-runs: required property "head_sha" is missing',
    ]);
  });

  test("rejects an enum value GitHub does not accept", () => {
    expect(checkGitHubRequest("POST", "/repos/o/r/issues/1/reactions", { content: "eyeballs" })[0]).toMatch(/"content" must be one of/);
  });

  test("matches literal segments before parameters", () => {
    expect(checkGitHubRequest("PATCH", "/repos/o/r/issues/comments/5", { body: "x" })).toEqual([]);
  });

  test("understands GitHub Enterprise Server's /api/v3 prefix", () => {
    expect(checkGitHubRequest("GET", "/api/v3/repos/o/r/collaborators/u/permission", undefined)).toEqual([]);
  });
});
