import type { ApplicationFunction, Context } from "probot";
import type { NewDelivery } from "../../tasks/model.ts";

/** Every event name Probot knows, with or without its action. */
type EventName = Context["name"];

/**
 * The Probot app the webhook server runs: every verified delivery of an event Ferry handles
 * is handed to `intake` (the webhook thread's journal, or a backlog in tests) and answered
 * at once; the handlers run later, from the backlog.
 */
export function intakeApp(intake: { accept(delivery: NewDelivery): unknown }, events: readonly string[]): ApplicationFunction {
  return (app) => {
    app.on(events as EventName[], async (context) => {
      await intake.accept({ id: context.id, event: context.name, payload: context.payload });
    });
  };
}
