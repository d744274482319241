type CronField = { min: number; max: number; names: boolean };

/** Minute, hour, day of month, month, day of week (0 and 7 are Sunday); names only for month and weekday. */
const FIELDS: readonly CronField[] = [
  { min: 0, max: 59, names: false },
  { min: 0, max: 23, names: false },
  { min: 1, max: 31, names: false },
  { min: 1, max: 12, names: true },
  { min: 0, max: 7, names: true },
];

const ITEM = /^(\*|(\d+|[a-z]{3})(-(\d+|[a-z]{3}))?)(\/(\d+))?$/i;

/**
 * Checks the shape of a classic 5-field cron expression (`0 6 * * 1-5`): lists, ranges,
 * steps and three-letter month/day names. Nicknames like `@daily` are not accepted.
 */
export function isCronExpression(text: string): boolean {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== FIELDS.length) return false;
  return parts.every((part, index) => {
    const field = FIELDS[index];
    return field !== undefined && part.split(",").every((item) => isCronItem(item, field));
  });
}

function isCronItem(item: string, field: CronField): boolean {
  const match = ITEM.exec(item);
  if (!match) return false;
  const [, , start, , end, , step] = match;
  const fits = (value: string | undefined) => {
    if (value === undefined) return true;
    if (!/^\d+$/.test(value)) return field.names;
    return Number(value) >= field.min && Number(value) <= field.max;
  };
  return fits(start) && fits(end) && (step === undefined || Number(step) > 0);
}
