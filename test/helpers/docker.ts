import { describe } from "@jest/globals";
import { dockerAnswers, dockerClient } from "../../src/sandbox/docker/engine.ts";

/** The runner image tests use: built offline by scripts/build-runner-image.sh (CI does this). */
export const TEST_IMAGE = process.env.FERRY_TEST_IMAGE ?? "ferry-runner:bookworm";

export const docker = dockerClient();

async function readiness(): Promise<string | undefined> {
  if (!(await dockerAnswers(docker))) return "no Docker engine answers";
  try {
    await docker.getImage(TEST_IMAGE).inspect();
    return undefined;
  } catch {
    return `the image ${TEST_IMAGE} is missing (build it with scripts/build-runner-image.sh)`;
  }
}

const missing = await readiness();

/** `describe` for tests that need a real engine and the runner image; skipped with a visible notice otherwise. */
export function describeWithDocker(name: string, body: () => void): void {
  if (missing) {
    process.stderr.write(`\n  ⚠ SKIPPED "${name}": ${missing}. .ci/run provides both.\n\n`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}
