import { afterEach, expect, test } from "@jest/globals";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EXAMPLES, exampleRepo, ferryRun } from "./support/ferry-run.ts";

let root = "";
afterEach(() => rm(root, { recursive: true, force: true }));

test("settings in .env of the working directory are read, as the server reads them", async () => {
  const example = await exampleRepo();
  root = example.root;
  // Without the .env, the sandbox would be Docker and the data under ~/.cache.
  await writeFile(join(root, ".env"), `FERRY_SANDBOX=local\nFERRY_DATA_DIR=${join(root, "from-env")}\n`);
  const args = ["--repo", example.repo, "--issue", join(EXAMPLES, "issue.md"), "--model-script", join(EXAMPLES, "model-script.json")];
  const result = await ferryRun(root, args);
  expect(result.stderr).not.toContain("ferry run:");
  expect(result.exitCode).toBe(0);
  expect(/Trajectory: (.+)/.exec(result.stdout)?.[1]).toMatch(new RegExp(`^${join(root, "from-env")}/`));
});

test("a variable set in the environment wins over .env", async () => {
  const example = await exampleRepo();
  root = example.root;
  await writeFile(join(root, ".env"), `FERRY_DATA_DIR=${join(root, "from-env")}\n`);
  const args = ["--repo", example.repo, "--issue", join(EXAMPLES, "issue.md"), "--model-script", join(EXAMPLES, "model-script.json"), "--sandbox", "local"];
  const result = await ferryRun(root, args, { env: { FERRY_DATA_DIR: join(root, "from-shell") } });
  expect(/Trajectory: (.+)/.exec(result.stdout)?.[1]).toMatch(new RegExp(`^${join(root, "from-shell")}/`));
});
