import { z } from "zod";

const Subject = z.looseObject({
  repository: z.looseObject({ full_name: z.string() }).optional(),
  issue: z.looseObject({ number: z.number() }).optional(),
  pull_request: z.looseObject({ number: z.number() }).optional(),
});

/**
 * Deliveries about the same issue or pull request are handled one at a time, in arrival
 * order (a label, then `/agent stop`); others run side by side. A payload without a subject
 * is its own key.
 */
export function deliveryKey(id: string, payload: unknown): string {
  const parsed = Subject.safeParse(payload);
  if (!parsed.success || !parsed.data.repository) return `delivery:${id}`;
  const number = parsed.data.issue?.number ?? parsed.data.pull_request?.number;
  return number === undefined ? `delivery:${id}` : `${parsed.data.repository.full_name.toLowerCase()}#${number}`;
}
