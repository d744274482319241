import { describe, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../src/github/octokit-platform.ts";
import { loadRepoConfig } from "../../src/github/load-repo-config.ts";
import { DEFAULT_REPO_CONFIG } from "../../src/config/repo-config.ts";
import { githubApi } from "../helpers/github-api.ts";

// Octokit escapes the slash inside {path}; GitHub accepts both forms.
const CONTENTS = "/repos/acme/widgets/contents/.github%2Fagent.yml";
const where = { owner: "acme", repo: "widgets", ref: "main" };

function client() {
  return octokitPlatform(new Octokit({ auth: "t", retry: { enabled: false }, throttle: { enabled: false }, log: silentLog }));
}

const silentLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function fileResponse(text: string) {
  // GitHub wraps base64 content at 60 columns; decoding must cope with the newlines.
  const content = Buffer.from(text).toString("base64").replace(/.{60}/g, "$&\n");
  return { type: "file", encoding: "base64", name: "agent.yml", path: ".github/agent.yml", content };
}

describe("loadRepoConfig", () => {
  test("reads the file at the given ref", async () => {
    githubApi()
      .get(CONTENTS)
      .query({ ref: "main" })
      .reply(200, fileResponse("label: ferry\nlimits:\n  steps: 12\n# a long comment line to make the base64 wrap more than once\n"));
    const result = await loadRepoConfig(client(), where);
    expect(result).toEqual({ ok: true, config: { ...DEFAULT_REPO_CONFIG, label: "ferry", limits: { ...DEFAULT_REPO_CONFIG.limits, steps: 12 } } });
  });

  test("no file means all defaults", async () => {
    githubApi().get(CONTENTS).query({ ref: "main" }).reply(404, { message: "Not Found" });
    expect(await loadRepoConfig(client(), where)).toEqual({ ok: true, config: DEFAULT_REPO_CONFIG });
  });

  test("an invalid file returns its problems and the label it meant", async () => {
    githubApi().get(CONTENTS).query({ ref: "main" }).reply(200, fileResponse("label: ferry\ncolour: red\n"));
    expect(await loadRepoConfig(client(), where)).toEqual({ ok: false, label: "ferry", problems: ['unknown key "colour" (at top level)'] });
  });

  test("a directory at the config path is a problem, not a crash", async () => {
    githubApi().get(CONTENTS).query({ ref: "main" }).reply(200, [{ type: "file", name: "a.yml" }]);
    expect(await loadRepoConfig(client(), where)).toEqual({
      ok: false,
      label: "agent",
      problems: [".github/agent.yml is not a regular file"],
    });
  });

  test("a file too large to inline is a problem", async () => {
    githubApi()
      .get(CONTENTS)
      .query({ ref: "main" })
      .reply(200, { type: "file", encoding: "none", content: "" });
    expect(await loadRepoConfig(client(), where)).toMatchObject({ ok: false, problems: [expect.stringContaining("too large")] });
  });

  test("other HTTP errors are thrown for the caller to retry", async () => {
    githubApi().get(CONTENTS).query({ ref: "main" }).reply(502, { message: "Bad Gateway" });
    await expect(loadRepoConfig(client(), where)).rejects.toMatchObject({ status: 502 });
  });
});
