import { z } from "zod";

/** A git identity; characters that would break the `Name <email>` form are refused. */
export const identitySchema = z.object({
  name: z.string().regex(/^[^<>\n\r\0]{1,200}$/, "must be a name without <, > or line breaks"),
  email: z.string().regex(/^[^<>\s\0]{1,200}@[^<>\s\0]{1,200}$/, "must be an email address"),
});

export type Identity = z.infer<typeof identitySchema>;

export const formatIdentity = (identity: Identity): string => `${identity.name} <${identity.email}>`;
