import { dockerAnswers, dockerClient } from "../sandbox/docker/engine.ts";
import { ensureImage } from "../sandbox/docker/image.ts";
import type { ProgressSink } from "./progress-event.ts";
import { errorMessage } from "../error-message.ts";

/** The part of a Docker engine a pull needs; tests pass a fake. */
export type ImageStore = { has(image: string): Promise<boolean>; pull(image: string, signal: AbortSignal): Promise<void> };

/**
 * Pulls the sandbox image before the run when the engine lacks it, saying so: a first pull can
 * take minutes and would otherwise look like a hang. A failed pull is only reported here; the
 * sandbox tries again as it starts and ends the run with its own message.
 */
export async function pullImageIfMissing(store: ImageStore, image: string, sink: ProgressSink, signal: AbortSignal, now = () => performance.now()): Promise<void> {
  if (await store.has(image)) return;
  sink({ event: "image-pull", image, status: "pulling" });
  const started = now();
  try {
    await store.pull(image, signal);
    sink({ event: "image-pull", image, status: "pulled", durationMs: Math.round(now() - started) });
  } catch (error) {
    signal.throwIfAborted();
    sink({ event: "image-pull", image, status: "failed", reason: errorMessage(error) });
  }
}

/** The local Docker engine; with no engine answering it "has" every image, so no pull is announced. */
export function dockerImages(): ImageStore {
  const docker = dockerClient();
  return {
    async has(image) {
      if (!(await dockerAnswers(docker))) return true;
      return docker.getImage(image).inspect().then(() => true, () => false);
    },
    pull: (image, signal) => ensureImage(docker, image, signal),
  };
}
