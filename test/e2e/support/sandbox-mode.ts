/**
 * Which sandbox Ferry runs the scenarios with: the local one by default (`npm test`), or
 * Docker with the runner image when `FERRY_E2E_SANDBOX=docker` (`npm run test:e2e:docker`,
 * which `.ci/run` runs once a Docker engine is up). Asking for Docker where no engine answers
 * or the image is missing fails the scenario with the reason: a requested mode is never
 * silently replaced by the other.
 */
export type E2eSandbox = "local" | "docker";

export function e2eSandbox(): E2eSandbox {
  const wanted = process.env.FERRY_E2E_SANDBOX ?? "local";
  if (wanted === "local" || wanted === "docker") return wanted;
  throw new Error(`FERRY_E2E_SANDBOX must be "local" or "docker", not "${wanted}"`);
}

let dockerReady: Promise<string> | undefined;

/** The image, once the engine answers and has it; rejects saying what is missing. Checked once per test file. */
async function dockerImage(): Promise<string> {
  const { dockerAnswers } = await import("../../../src/sandbox/docker/engine.ts");
  // helpers/docker.ts names the image the Docker tests use (FERRY_TEST_IMAGE, else ferry-runner:bookworm).
  const { TEST_IMAGE, docker } = await import("../../helpers/docker.ts");
  if (!(await dockerAnswers(docker))) throw new Error("FERRY_E2E_SANDBOX=docker, but no Docker engine answers (.ci/run starts one)");
  try {
    await docker.getImage(TEST_IMAGE).inspect();
  } catch {
    throw new Error(`FERRY_E2E_SANDBOX=docker, but the image ${TEST_IMAGE} is missing (build it with scripts/build-runner-image.sh)`);
  }
  return TEST_IMAGE;
}

/** Ferry's sandbox variables for the chosen mode (src/config/env.ts). */
export async function sandboxEnv(): Promise<Record<string, string>> {
  if (e2eSandbox() === "local") return { FERRY_SANDBOX: "local", FERRY_ALLOW_LOCAL_SANDBOX: "1" };
  dockerReady ??= dockerImage();
  const image = await dockerReady;
  const env: Record<string, string> = { FERRY_SANDBOX: "docker", FERRY_IMAGE: image };
  // An engine reached some other way than the default socket is reached the same way by Ferry.
  for (const name of ["DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH"]) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}
