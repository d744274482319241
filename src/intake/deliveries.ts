import type { Store } from "../tasks/store.ts";

/**
 * Runs a delivery's work once. A delivery is marked seen only after its work succeeded,
 * so GitHub's redelivery of a failed one is handled again rather than lost.
 */
export async function onceForDelivery(
  store: Store,
  delivery: { id: string; event: string },
  work: () => Promise<void>,
): Promise<void> {
  if (store.hasSeenDelivery(delivery.id)) return;
  await work();
  store.markDeliverySeen(delivery.id, delivery.event);
}
