import type { LogFormat } from "../../logger.ts";
import type { NewDelivery } from "../../tasks/model.ts";
import type { SweepReport } from "../../sweep/sweep-report.ts";
import type { TrajectoryRef } from "../../agent/trajectory/trajectory-link.ts";
import type { TrajectoryPage } from "../../agent/trajectory/trajectory-lines.ts";

/** What the webhook thread is started with (structured-cloned, so plain data only). */
export type ServerThreadData = {
  probot: { appId: number; privateKey: string; secret: string; baseUrl?: string };
  host?: string;
  port: number;
  webhookProxy?: string;
  logLevel: string;
  /** LOG_FORMAT; unset, the thread picks as the main thread does (pretty on a terminal). */
  logFormat?: LogFormat;
  /** For the trajectory links the status comment gives. */
  dataDir: string;
  linksKey: string;
  /** PostgreSQL mode: a run whose file is not in `dataDir` (it ran on another machine) is read from the database, through the main thread. */
  trajectoriesInDatabase?: boolean;
  /** Events Ferry handles (`issues.labeled`, …); others are answered and dropped, as Probot does. */
  events: string[];
  journalDir: string;
  segmentBytes?: number;
  /** FERRY_METRICS_TOKEN: GET /metrics asks for it as a bearer token. */
  metricsToken?: string;
};

/** From the webhook thread to the main thread, in the order things happened. */
export type ThreadMessage =
  | { kind: "ready"; port: number }
  | { kind: "delivery"; delivery: NewDelivery; segment: number }
  /** Every delivery of the segment was sent before this message. */
  | { kind: "closed"; segment: number }
  | { kind: "sweep"; call: number; repo: string | undefined }
  /** GET /metrics: the main thread's registry text, answered by `metrics-result`. */
  | { kind: "metrics"; call: number }
  /** A page of a trajectory whose signed link was verified, answered by `trajectory-result`. */
  | { kind: "trajectory"; call: number; ref: TrajectoryRef; after: number }
  /** The server is closed; `segment` was the last one written. */
  | { kind: "stopped"; segment: number };

/** From the main thread to the webhook thread. */
export type MainMessage =
  | { kind: "sweep-result"; call: number; report: SweepReport }
  | { kind: "sweep-error"; call: number; message: string }
  | { kind: "metrics-result"; call: number; text: string }
  | { kind: "metrics-error"; call: number; message: string }
  | { kind: "trajectory-result"; call: number; page: TrajectoryPage }
  | { kind: "trajectory-error"; call: number; message: string }
  | { kind: "stop" };
