import { describe, expect, test } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

/**
 * docker-compose.yml, checked the way compose reads it: YAML with merge keys, then `${VAR:-default}`
 * and `${VAR:?message}` filled from an operator's .env. `docker compose config` validates it too
 * where the compose plugin is installed (it is not on every machine that runs these tests).
 */
const TEXT = readFileSync("docker-compose.yml", "utf8");
const OPERATOR_ENV: Record<string, string> = { POSTGRES_PASSWORD: "compose-test-password", DOCKER_GID: "998" };

/** Compose's interpolation, for the forms the file uses; an unset `:?` variable throws, as compose stops. */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    const value = env[name];
    if (value !== undefined && value !== "") return value;
    if (kind === "?") throw new Error(`${name}: ${rest}`);
    return kind === "-" ? (rest ?? "") : "";
  });
}

const Service = z.object({
  build: z.string().optional(),
  image: z.string(),
  command: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  volumes: z.array(z.string()).optional(),
  ports: z.array(z.string()).optional(),
  group_add: z.array(z.string()).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  healthcheck: z.object({ test: z.array(z.string()) }).optional(),
});
const Compose = z.object({ services: z.record(z.string(), Service) });

const compose = (env = OPERATOR_ENV) => Compose.parse(parse(interpolate(TEXT, env), { merge: true }));
const ferryServices = () => Object.entries(compose().services).filter(([name]) => name !== "postgres");

test("PostgreSQL, one `ferry server` and two `ferry worker`s", () => {
  const services = compose().services;
  expect(Object.keys(services).sort()).toEqual(["postgres", "server", "worker-1", "worker-2"]);
  expect(services["server"]?.command).toEqual(["ferry", "server"]);
  expect([services["worker-1"]?.command, services["worker-2"]?.command]).toEqual([["ferry", "worker"], ["ferry", "worker"]]);
});

test("every Ferry service is built from the repository's Dockerfile and waits for a healthy database", () => {
  for (const [, service] of ferryServices()) {
    expect(service.build).toBe(".");
    expect(service.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
  }
});

test("they share one DATABASE_URL, on the postgres service, with the operator's password", () => {
  const urls = new Set(ferryServices().map(([, service]) => service.environment?.["DATABASE_URL"]));
  expect([...urls]).toEqual(["postgres://ferry:compose-test-password@postgres:5432/ferry"]);
  expect(compose().services["postgres"]?.environment?.["POSTGRES_PASSWORD"]).toBe("compose-test-password");
});

test("each has a data directory of its own, mounted at the same path inside and outside (the engine mounts checkouts by host path)", () => {
  const dirs = ferryServices().map(([, service]) => {
    const dir = service.environment?.["FERRY_DATA_DIR"] ?? "";
    expect(service.volumes).toContain(`${dir}:${dir}`);
    return dir;
  });
  expect(new Set(dirs).size).toBe(3);
  expect(dirs).toContain("/var/lib/ferry/worker-1");
});

test("each reaches the host's Docker engine through its socket, with the socket's group", () => {
  for (const [, service] of ferryServices()) {
    expect(service.volumes).toContain("/var/run/docker.sock:/var/run/docker.sock");
    expect(service.group_add).toEqual(["998"]);
  }
});

test("only the server publishes a port; the database is reachable from the compose network alone", () => {
  const published = Object.entries(compose().services).filter(([, service]) => service.ports !== undefined);
  expect(published.map(([name, service]) => [name, service.ports])).toEqual([["server", ["3000:3000"]]]);
});

test("no password is written in the file: without POSTGRES_PASSWORD compose refuses to start", () => {
  expect(() => compose({ DOCKER_GID: "998" })).toThrow("POSTGRES_PASSWORD: set POSTGRES_PASSWORD in .env");
});

const plugin = spawnSync("docker", ["compose", "version"], { encoding: "utf8" });
const hasCompose = plugin.status === 0;
if (!hasCompose) process.stderr.write("\n  ⚠ SKIPPED `docker compose config`: the compose plugin is not installed here (docker compose version failed).\n\n");

(hasCompose ? describe : describe.skip)("docker compose config", () => {
  test("validates the file", () => {
    const result = spawnSync("docker", ["compose", "-f", "docker-compose.yml", "config", "--quiet"], { encoding: "utf8", env: { ...process.env, ...OPERATOR_ENV } });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});
