import { expect, test } from "@jest/globals";
import Docker from "dockerode";
import { runCheck } from "../../src/cli/doctor-check.ts";
import { dockerCheck } from "../../src/cli/doctor-docker.ts";
import { freePort } from "../helpers/process.ts";
import { TEST_IMAGE, describeWithDocker, docker } from "../helpers/docker.ts";

test("FERRY_SANDBOX=local has no Docker to check", async () => {
  expect(await runCheck(dockerCheck({ kind: "local", image: "node:24-bookworm" }), 5000)).toEqual({
    status: "skip",
    detail: "FERRY_SANDBOX=local: commands run on this machine, without Docker",
  });
});

test("an engine nobody listens for fails, with what to do", async () => {
  const port = await freePort();
  const result = await runCheck(dockerCheck({ kind: "docker", image: TEST_IMAGE }, () => new Docker({ host: "127.0.0.1", port })), 5000);
  expect(result.status).toBe("fail");
  expect(result.detail).toMatch(new RegExp(`^no Docker engine answers at http://127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED.*\\)\\. Start Docker`));
});

describeWithDocker("doctor with the Docker engine", () => {
  test("the engine answers and has the sandbox image: ok", async () => {
    const result = await runCheck(dockerCheck({ kind: "docker", image: TEST_IMAGE }, () => docker), 10_000);
    expect(result).toEqual({ status: "ok", detail: expect.stringMatching(new RegExp(`^the engine at unix://\\S+ answers and has ${TEST_IMAGE}$`)) });
  });

  test("an image the engine does not have fails, saying how to get it", async () => {
    const image = "ferry-doctor-absent:never";
    const result = await runCheck(dockerCheck({ kind: "docker", image }, () => docker), 10_000);
    expect(result).toEqual({ status: "fail", detail: expect.stringMatching(new RegExp(`answers, but has no image ${image} \\(FERRY_IMAGE\\): docker pull ${image}, or build it$`)) });
  });
});
