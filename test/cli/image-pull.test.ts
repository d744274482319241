import { expect, test } from "@jest/globals";
import { pullImageIfMissing, type ImageStore } from "../../src/cli/image-pull.ts";
import type { ProgressEvent } from "../../src/cli/progress-event.ts";

function store(present: boolean, pull: () => Promise<void> = async () => {}) {
  const pulled: string[] = [];
  const images: ImageStore = {
    has: async () => present,
    pull: async (image) => {
      pulled.push(image);
      await pull();
    },
  };
  return { images, pulled };
}

const clock = (...times: number[]) => () => times.shift() ?? 0;

test("a missing image is announced before the pull and timed after it", async () => {
  const { images, pulled } = store(false);
  const events: ProgressEvent[] = [];
  await pullImageIfMissing(images, "node:24-bookworm", (event) => events.push(event), new AbortController().signal, clock(1000, 32_200));
  expect(pulled).toEqual(["node:24-bookworm"]);
  expect(events).toEqual([
    { event: "image-pull", image: "node:24-bookworm", status: "pulling" },
    { event: "image-pull", image: "node:24-bookworm", status: "pulled", durationMs: 31_200 },
  ]);
});

test("an image the engine has is neither pulled nor announced", async () => {
  const { images, pulled } = store(true);
  const events: ProgressEvent[] = [];
  await pullImageIfMissing(images, "node:24-bookworm", (event) => events.push(event), new AbortController().signal);
  expect(pulled).toEqual([]);
  expect(events).toEqual([]);
});

test("a failed pull is reported and left to the sandbox to end the run", async () => {
  const { images } = store(false, async () => {
    throw new Error("manifest unknown");
  });
  const events: ProgressEvent[] = [];
  await pullImageIfMissing(images, "nope:1", (event) => events.push(event), new AbortController().signal);
  expect(events.at(-1)).toEqual({ event: "image-pull", image: "nope:1", status: "failed", reason: "manifest unknown" });
});
