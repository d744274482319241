import type Docker from "dockerode";
import type { Env } from "../config/env.ts";
import { NO_ENGINE_ADVICE, dockerClient, engineAddress, engineProblem } from "../sandbox/docker/engine.ts";
import { type Check, connectionProblem, fail, ok, skip } from "./doctor-check.ts";

/** The Docker engine answers and has the sandbox image (FERRY_IMAGE); nothing to check with FERRY_SANDBOX=local. */
export function dockerCheck(sandbox: Pick<Env["sandbox"], "kind" | "image">, docker: () => Docker = dockerClient): Check {
  return {
    name: "docker",
    async run() {
      if (sandbox.kind === "local") return skip("FERRY_SANDBOX=local: commands run on this machine, without Docker");
      const client = docker();
      const address = await engineAddress(client);
      const problem = await engineProblem(client);
      if (problem !== undefined) return fail(`no Docker engine answers at ${address} (${problem}). ${NO_ENGINE_ADVICE}`);
      try {
        await client.getImage(sandbox.image).inspect();
      } catch (error) {
        if (isMissing(error)) return fail(`the engine at ${address} answers, but has no image ${sandbox.image} (FERRY_IMAGE): docker pull ${sandbox.image}, or build it`);
        return fail(`the engine at ${address} could not look up ${sandbox.image}: ${connectionProblem(error)}`);
      }
      return ok(`the engine at ${address} answers and has ${sandbox.image}`);
    },
  };
}

/** dockerode's error for an absent image carries the engine's status as `statusCode`. */
function isMissing(error: unknown): boolean {
  return typeof error === "object" && error !== null && "statusCode" in error && error.statusCode === 404;
}
