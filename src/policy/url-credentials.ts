import type { SecretMatch } from "./secret-patterns.ts";

export const URL_CREDENTIAL_KIND = "url-credential";

/** `scheme://user:password@`: the password. */
const USERINFO_PASSWORD = /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s/?#@:]{0,256}:(?<secret>[^\s/?#@]{1,256})@/dgi;
/** `?api-key=…`, `&access_token=…`, `;sig=…`: the value of a parameter named like a credential. */
const QUERY_CREDENTIAL =
  /[?&;](?:[a-z0-9_.-]{0,40}(?:api[-_]?key|token|secret|password|passwd|signature|credential|auth)[a-z0-9_.-]{0,40}|key|sig|code)=(?<secret>[^\s&#;"'<>]{1,1024})/dgi;

/**
 * Credentials carried in URLs, for redaction: an endpoint such as `OPENAI_BASE_URL` quoted in a
 * provider's error message, a presigned link in a log. Not a push blocker: a diff's URLs are
 * judged by the secret scan's rules.
 */
export function findUrlCredentials(text: string): SecretMatch[] {
  return [USERINFO_PASSWORD, QUERY_CREDENTIAL].flatMap((regex) =>
    [...text.matchAll(regex)].flatMap((match) => {
      const range = match.indices?.groups?.secret;
      return range ? [{ kind: URL_CREDENTIAL_KIND, start: range[0], end: range[1], placeholders: false }] : [];
    }),
  );
}
