/** Where inside the `running` state the agent is, for the status checklist. */
export type Phase = "setup" | "working" | "testing";

export type Progress = {
  phase: Phase;
  /** Model calls so far (0 during setup). */
  step: number;
  /** The last thing the agent did, in a few words ("ran `npm test`", "edited src/a.ts"). */
  lastAction?: string;
  /** Tokens and cost of the model calls so far (cost undefined while the price is unknown). */
  tokens?: number;
  costUsd?: number;
};
