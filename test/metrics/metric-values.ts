import type { Registry } from "prom-client";

export type Sample = { labels: Record<string, string | number>; value: number; metricName?: string };

/** Every sample of one metric as the registry would report it now (collect callbacks run). */
export async function samplesOf(registry: Registry, name: string): Promise<Sample[]> {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric named ${name}`);
  const { values } = await metric.get();
  return values.map((sample) => ({
    labels: Object.fromEntries(Object.entries(sample.labels).filter((entry): entry is [string, string | number] => entry[1] !== undefined)),
    value: sample.value,
    ...("metricName" in sample && typeof sample.metricName === "string" && { metricName: sample.metricName }),
  }));
}

/** The value of the sample with exactly these labels (histograms: pass `metricName`, like `…_count`). */
export async function valueOf(registry: Registry, name: string, labels: Record<string, string> = {}, metricName?: string): Promise<number | undefined> {
  const samples = await samplesOf(registry, name);
  const match = samples.find(
    (sample) =>
      (metricName === undefined || sample.metricName === metricName) &&
      Object.keys(labels).length === Object.keys(sample.labels).filter((key) => key !== "le").length &&
      Object.entries(labels).every(([key, value]) => String(sample.labels[key]) === value) &&
      !("le" in sample.labels),
  );
  return match?.value;
}
