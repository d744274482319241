import type { ProgressEvent, ProgressSink } from "./progress-event.ts";

export type Output = { out(text: string): void; err(text: string): void };

/** `--quiet`: nothing; `--json`: one JSON object a line on stdout; else one line a step on stderr. */
export function progressPrinter(options: { quiet: boolean; json: boolean }, output: Output): ProgressSink {
  if (options.quiet) return () => {};
  if (options.json) return (event) => output.out(`${JSON.stringify(event)}\n`);
  return (event) => output.err(`${progressLine(event)}\n`);
}

/** One event for a person: `step 3 · run_tests · failed (exit 1) · 4.1 s`. */
export function progressLine(event: ProgressEvent): string {
  switch (event.event) {
    case "trajectory":
      return `trajectory · ${event.path}`;
    case "image-pull":
      if (event.status === "pulling") return `image · pulling ${event.image} (not on this Docker engine yet)…`;
      if (event.status === "pulled") return `image · pulled ${event.image} · ${seconds(event.durationMs)}`;
      return `image · could not pull ${event.image}: ${event.reason}`;
    case "setup":
      return `setup · ${event.command} · ${event.result} · ${seconds(event.durationMs)}`;
    case "step":
      return [`step ${event.step}`, event.subject ? `${event.tool} ${event.subject}` : event.tool, event.result, ...(event.durationMs === undefined ? [] : [seconds(event.durationMs)])].join(" · ");
    case "model-retry":
      return `${event.step === undefined ? (event.purpose ?? "model") : `step ${event.step}`} · model call failed (${event.reason}), retry ${event.attempt} in ${seconds(event.delayMs)}`;
    case "compaction":
      return `step ${event.step} · summarised the conversation to fit the model's context`;
    case "baseline":
      return `baseline · ${event.command} on the untouched base · ${event.result} · ${event.tests === null ? "no per-test results (the exit code decides)" : `${event.tests} tests read`} · ${seconds(event.durationMs)}`;
    case "verify":
      return `verify · ${event.command} · ${event.result} · ${seconds(event.durationMs)}`;
    case "ended":
      return `ended · ${event.outcome}`;
  }
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
