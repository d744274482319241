import { DELIVERY_KINDS } from "./deliveries.ts";
import { latencyOf } from "./latency.ts";
import type { LoadResult, Measured } from "./send-load.ts";

const ms = (value: number) => value.toFixed(1);
const row = (label: string, ferry: string, bare: string) => console.log(`  ${label.padEnd(30)}${ferry.padStart(12)}${bare.padStart(14)}`);
const ack = (result: LoadResult) => latencyOf(result.sent.map((sent) => sent.latencyMs));
const count = (result: LoadResult, which: (status: number) => boolean) => String(result.sent.filter((sent) => which(sent.status)).length);
const statuses = (result: LoadResult) =>
  [...Map.groupBy(result.sent, (sent) => sent.status)].sort(([a], [b]) => a - b).map(([status, list]) => `${status || "none"}×${list.length}`).join(" ");
export const isTwoHundred = (status: number) => status >= 200 && status <= 299;

/** The acknowledgement table, Ferry beside the bare app; returns whether Ferry's p99 is within `target` × the bare app's. */
export function printLatency(ferry: Measured, bare: Measured, target: number): boolean {
  const [f, b] = [ack(ferry), ack(bare)];
  const ratio = f.p99 / b.p99;
  row("", "Ferry", "bare Probot");
  row("rate achieved (/s)", ferry.rate.toFixed(1), bare.rate.toFixed(1));
  row("ack p50 (ms)", ms(f.p50), ms(b.p50));
  row("ack p99 (ms)", ms(f.p99), ms(b.p99));
  row("ack max (ms)", ms(f.max), ms(b.max));
  row("non-2xx", count(ferry, (status) => !isTwoHundred(status)), count(bare, (status) => !isTwoHundred(status)));
  row("statuses", statuses(ferry), statuses(bare));
  row("sends held by the bound", String(ferry.heldByConcurrency), String(bare.heldByConcurrency));
  row("latest send behind due (ms)", ms(ferry.maxLagMs), ms(bare.maxLagMs));
  row("CPU, app + GitHub (ms)", ms(ferry.cpuMs), ms(bare.cpuMs));
  console.log(`  p99 ratio Ferry / bare: ${ratio.toFixed(2)}× (target ≤ ${target}×); target met: ${ratio <= target ? "yes" : "no"}`);
  console.log("  ack by kind (ms)            Ferry p50 / p99        bare p50 / p99");
  for (const kind of DELIVERY_KINDS) {
    const only = (result: LoadResult) => latencyOf(result.sent.filter((sent) => sent.delivery.kind === kind).map((sent) => sent.latencyMs));
    const [fk, bk] = [only(ferry), only(bare)];
    console.log(`    ${kind.padEnd(22)}${ms(fk.p50).padStart(9)} /${ms(fk.p99).padStart(9)}   ${ms(bk.p50).padStart(9)} /${ms(bk.p99).padStart(7)}`);
  }
  return ratio <= target;
}
