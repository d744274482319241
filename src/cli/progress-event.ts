/**
 * What `ferry run` says while it works: on stderr one line each (progress-printer.ts), or with
 * `--json` one JSON object each on stdout. `event` names the kind; the fields are a contract.
 */
export type ProgressEvent =
  | { event: "trajectory"; path: string }
  | { event: "image-pull"; image: string; status: "pulling" }
  | { event: "image-pull"; image: string; status: "pulled"; durationMs: number }
  | { event: "image-pull"; image: string; status: "failed"; reason: string }
  | { event: "setup"; command: string; result: string; failed: boolean; durationMs: number }
  | { event: "step"; step: number; tool: string; subject?: string; result: string; failed: boolean; durationMs?: number }
  | { event: "model-retry"; step?: number; purpose?: string; attempt: number; delayMs: number; reason: string }
  | { event: "compaction"; step: number }
  | { event: "baseline"; command: string; result: string; tests: number | null; durationMs: number }
  | { event: "verify"; command: string; result: string; failed: boolean; durationMs: number }
  | { event: "ended"; outcome: string };

export type ProgressSink = (event: ProgressEvent) => void;
