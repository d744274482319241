import type { Sender } from "./payloads.ts";

/** Bots, Ferry included, never trigger or steer anything. */
export const isBot = (sender: Sender): boolean => sender.type === "Bot" || sender.login.endsWith("[bot]");
