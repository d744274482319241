import { afterEach, beforeEach, expect, test } from "@jest/globals";
import { access, chmod, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ScriptedModel } from "../../src/agent/models/scripted-model.ts";
import { HostGitDirTamperedError } from "../../src/workspace/host-git.ts";
import { FINISH, FIX, pushedPart, shell } from "./support/frozen-attacks.ts";
import { mockConfigAndIssue, mockFirstDelivery, PART_1, taskRuns, type TaskRuns } from "./support/task-runs.ts";

// Attack: the agent plants git drivers (filter, textconv, diff, merge) for every path with
// `.gitattributes`, and configures them in its own `.git/config` and in the host git dir where it
// used to be (`tasks/<id>/git`, beside the work tree); Ferry's host `git add -A` then ran the
// filter on the host. Host git now never reads the work tree with in-tree semantics, its git
// dir is elsewhere, and a changed config stops Ferry. The local sandbox, which confines nothing,
// is the harder case: its commands can write anywhere Ferry's user can.
let runs: TaskRuns;
let trap: string;
let driver: string;
beforeEach(async () => {
  runs = await taskRuns();
  const root = dirname(dirname(dirname(runs.gitDir)));
  trap = join(root, "driver-ran-on-the-host");
  driver = join(root, "driver.sh");
  await writeFile(driver, `#!/bin/sh\ntouch "${trap}"\ncat\n`);
  await chmod(driver, 0o755);
});
afterEach(async () => runs.close());

const drivers = () => `[filter "x"]\\n\\tclean = ${driver}\\n\\tsmudge = ${driver}\\n[diff "x"]\\n\\ttextconv = ${driver}\\n\\tcommand = ${driver}\\n[merge "x"]\\n\\tdriver = ${driver}\\n[core]\\n\\tfsmonitor = ${driver}\\n`;
const fired = () => access(trap).then(() => true, () => false);

test("drivers planted in .gitattributes, the agent's .git/config and the old host git dir never run on the host", async () => {
  mockConfigAndIssue("test: node test.js\n");
  mockFirstDelivery();
  const plant = shell(`printf '* filter=x diff=x merge=x\\n' > .gitattributes && printf '${drivers()}' >> .git/config && mkdir -p ../git && printf '${drivers()}' >> ../git/config`);
  const result = await runs.runOnce(await runs.newTask(), new ScriptedModel([FIX, plant, FINISH]));
  expect(result).toMatchObject({ outcome: "changes-ready" });
  expect(await fired()).toBe(false);
  expect(await runs.git(["show", `${PART_1}:.gitattributes`])).toBe("* filter=x diff=x merge=x");
});

test("drivers written into the real host git dir's config stop the task before any host git runs on it", async () => {
  mockConfigAndIssue("test: node test.js\n");
  // tasks/<id>/work → <data>/host-git/<random>: findable only because the local sandbox confines nothing.
  const plant = shell(`printf '* filter=x\\n' > .gitattributes && for config in ../../../host-git/*/config; do chmod u+w "$config" && printf '${drivers()}' >> "$config"; done`);
  await expect(runs.runOnce(await runs.newTask(), new ScriptedModel([FIX, plant, FINISH]))).rejects.toThrow(HostGitDirTamperedError);
  expect(await fired()).toBe(false);
  expect(await pushedPart(runs)).toBeUndefined();
});
