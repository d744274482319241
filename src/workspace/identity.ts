import { z } from "zod";

/** A git identity; characters that would break the `Name <email>` form are refused. */
export const identitySchema = z.object({
  name: z.string().regex(/^[^<>\n\r\0]{1,200}$/, "must be a name without <, > or line breaks"),
  email: z.string().regex(/^[^<>\s\0]{1,200}@[^<>\s\0]{1,200}$/, "must be an email address"),
});

export type Identity = z.infer<typeof identitySchema>;

export const formatIdentity = (identity: Identity): string => `${identity.name} <${identity.email}>`;

/** Git's environment for a commit authored and committed by `identity`; a fixed `date` makes commits reproducible. */
export function identityEnv(identity: Identity, date?: string): Record<string, string> {
  const dates: Record<string, string> = date === undefined ? {} : { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  return { GIT_AUTHOR_NAME: identity.name, GIT_AUTHOR_EMAIL: identity.email, GIT_COMMITTER_NAME: identity.name, GIT_COMMITTER_EMAIL: identity.email, ...dates };
}
