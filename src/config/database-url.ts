import { withoutCredentials } from "./env-error.ts";
import { urlString } from "./env-values.ts";

/** Completes "DATABASE_URL: expected …"; the example shows where the password goes without being one. */
export const DATABASE_URL_EXPECTED = "a postgres:// or postgresql:// URL, like postgres://ferry:PASSWORD@db:5432/ferry";

/** node-postgres reads both schemes the same way. */
export const databaseUrlString = () => urlString(/^postgres(ql)?$/);

/** A database URL fit for logs: no user info, no `password=` in the query. */
export function safeDatabaseUrl(url: string | undefined): string | undefined {
  return url === undefined ? undefined : withoutCredentials(url);
}
