import { afterEach, expect, test } from "@jest/globals";
import { access, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { dataDirFor } from "../../src/cli/data-dir.ts";
import { exampleArgs, exampleRepo, ferryRun } from "./support/ferry-run.ts";

const home = () => "/home/ada";

test("--data-dir wins over everything", () => {
  expect(dataDirFor("/d", { FERRY_DATA_DIR: "/f", XDG_CACHE_HOME: "/x" }, home)).toBe("/d");
});

test("FERRY_DATA_DIR wins over the cache directory", () => {
  expect(dataDirFor(undefined, { FERRY_DATA_DIR: "/f", XDG_CACHE_HOME: "/x" }, home)).toBe("/f");
});

test("without either, data goes to $XDG_CACHE_HOME/ferry", () => {
  expect(dataDirFor(undefined, { XDG_CACHE_HOME: "/x" }, home)).toBe("/x/ferry");
});

test("without XDG_CACHE_HOME, data goes to ~/.cache/ferry", () => {
  expect(dataDirFor(undefined, {}, home)).toBe("/home/ada/.cache/ferry");
});

test("a relative XDG_CACHE_HOME is ignored, as the XDG spec says", () => {
  expect(dataDirFor(undefined, { XDG_CACHE_HOME: "cache" }, home)).toBe("/home/ada/.cache/ferry");
});

let root = "";
afterEach(() => rm(root, { recursive: true, force: true }));

test("a run keeps its data in the user's cache and writes nothing to the current directory", async () => {
  const example = await exampleRepo();
  root = example.root;
  const cwd = join(root, "work");
  await mkdir(cwd);
  const result = await ferryRun(root, exampleArgs(example.repo), { cwd });
  expect(result.exitCode).toBe(0);
  expect(/Trajectory: (.+)/.exec(result.stdout)?.[1]).toMatch(new RegExp(`^${join(root, ".cache", "ferry")}/trajectories/`));
  await expect(access(join(cwd, "data"))).rejects.toThrow();
});
