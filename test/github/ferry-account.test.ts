import { describe, expect, test } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { octokitPlatform } from "../../src/github/octokit-platform.ts";
import { appAccount, isFerrys } from "../../src/github/ferry-account.ts";
import { ensureComment } from "../../src/github/ensure-comment.ts";
import { githubApi } from "../helpers/github-api.ts";
import { silentLog } from "../helpers/probot.ts";

const client = octokitPlatform(new Octokit({ auth: "jwt", log: silentLog }));

describe("Ferry's bot account", () => {
  test("is the App's slug with [bot], asked of GET /app once however often it is needed", async () => {
    githubApi().get("/app").once().reply(200, { id: 123, slug: "ferry-dev", name: "Ferry" });
    const accountOf = appAccount(async () => client);
    expect(await accountOf()).toEqual({ login: "ferry-dev[bot]" });
    expect(await accountOf()).toEqual({ login: "ferry-dev[bot]" });
  });

  test("a failed lookup is asked again the next time", async () => {
    githubApi().get("/app").reply(500, { message: "boom" }).get("/app").reply(200, { id: 123, slug: "ferry-dev" });
    const accountOf = appAccount(async () => client);
    await expect(accountOf()).rejects.toThrow();
    expect(await accountOf()).toEqual({ login: "ferry-dev[bot]" });
  });

  test("is not asked for a comment no earlier comment's marker matches (a new task's first comment)", async () => {
    githubApi().get("/repos/o/r/issues/1/comments").query(true).reply(200, [{ id: 1, body: "hello", user: { login: "mona", type: "User" } }]).post("/repos/o/r/issues/1/comments").reply(201, { id: 2 });
    const accountOf = async () => {
      throw new Error("GET /app should not be needed");
    };
    await expect(ensureComment(client, { owner: "o", repo: "r", issueNumber: 1 }, "<!-- m -->", "x <!-- m -->", accountOf)).resolves.toEqual({ id: 2, action: "created" });
  });

  test.each([
    ["the App's bot is Ferry", { login: "ferry-dev[bot]", type: "Bot" }, true],
    ["the App's bot spelled in other case is Ferry", { login: "Ferry-Dev[bot]", type: "Bot" }, true],
    ["a person of the same name is not", { login: "ferry-dev", type: "User" }, false],
    ["an author named like the bot but not a Bot is not", { login: "ferry-dev[bot]", type: "User" }, false],
    ["another App's bot is not", { login: "other[bot]", type: "Bot" }, false],
    ["a deleted account (no user) is not", null, false],
  ])("%s", (_who, author, expected) => {
    expect(isFerrys({ login: "ferry-dev[bot]" }, author)).toBe(expected);
  });
});
