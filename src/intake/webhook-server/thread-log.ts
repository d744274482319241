import { pino, type Logger } from "pino";
import { redaction } from "../../logger.ts";

const { chindingsSym } = pino.symbols;

/**
 * The webhook thread's logger. Probot logs a delivery it refuses (a forged signature, a
 * handler that threw) with the request body and signature under `err.event`: those are
 * redacted, as whoever called chose them and the access line already names the delivery.
 */
export function threadLogger(root: Logger): Logger {
  const paths = [...redaction.paths, "err.event.payload", "err.event.signature"];
  return withUniqueKeys(root).child({ thread: "webhooks" }, { redact: { ...redaction, paths } });
}

/**
 * Makes every child of `log` carry each binding once. pino appends a child's bindings to its
 * parent's, so Probot's named children (`probot`, then `event`) wrote `"name"` two or three
 * times in one JSON line; a repeated key now replaces the parent's value where it stood.
 */
function withUniqueKeys(log: Logger): Logger {
  log.onChild = (child) => {
    const chindings: unknown = Reflect.get(child, chindingsSym);
    if (typeof chindings !== "string" || chindings === "") return;
    // pino keeps bindings as JSON members, each after a comma: `,"pid":1,"name":"ferry"`.
    const members = JSON.stringify(JSON.parse(`{${chindings.slice(1)}}`)).slice(1, -1);
    Reflect.set(child, chindingsSym, members === "" ? "" : `,${members}`);
  };
  return log;
}
