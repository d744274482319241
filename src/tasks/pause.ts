import { z } from "zod";

/** What a waiting task waits for: a writer's approval of a command, or an answer to the agent's question. */
export const PauseKind = z.enum(["approval", "question"]);
export type PauseKind = z.infer<typeof PauseKind>;

/** The one pause of a waiting task, so webhook handlers (in any process) can tell what a reply answers. */
export type Pause = {
  taskId: number;
  kind: PauseKind;
  /** The command awaiting approval, or the question asked. */
  subject: string;
  since: string;
  /** When the pause ends unanswered. */
  deadline: string;
};

export type NewPause = Pick<Pause, "kind" | "subject" | "deadline">;
