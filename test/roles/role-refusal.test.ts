import { expect, test } from "@jest/globals";
import { roleRefusal } from "../../src/start.ts";

test("npm start runs every role without a database server", () => {
  expect(roleRefusal("all", { databaseUrl: undefined })).toBeUndefined();
});

test("ferry server without DATABASE_URL is refused: it would share its work with nobody", () => {
  expect(roleRefusal("server", { databaseUrl: undefined })).toMatch(/`ferry server` .*set DATABASE_URL.*npm start/);
});

test("ferry worker without DATABASE_URL is refused", () => {
  expect(roleRefusal("worker", { databaseUrl: undefined })).toMatch(/`ferry worker` .*DATABASE_URL/);
});

test("with DATABASE_URL each role may start", () => {
  for (const role of ["all", "server", "worker"] as const) expect(roleRefusal(role, { databaseUrl: "postgres://ferry@db/ferry" })).toBeUndefined();
});
