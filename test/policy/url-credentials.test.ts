import { expect, test } from "@jest/globals";
import { redactKnownSecrets, redactSecrets } from "../../src/policy/redact-secrets.ts";
import { rememberSecret } from "../../src/policy/known-secrets.ts";

/*
 * Credentials carried in URLs are redacted wherever Ferry writes text (mutation testing): the
 * password of a URL's user part, and the value of every credential-named query parameter.
 */

test("a URL's password is redacted, its user and host kept", () => {
  expect(redactSecrets("fetch https://me:Zq8-wx41@proxy.internal/v1 failed")).toBe("fetch https://me:[redacted]@proxy.internal/v1 failed");
});

test.each([
  ["a prefixed name", "?x_auth_token=Zq8wx41Pk", "?x_auth_token=[redacted]"],
  ["a suffixed name", "?api_key_v2=Zq8wx41Pk", "?api_key_v2=[redacted]"],
  ["apikey written as one word", "?apikey=Zq8wx41Pk", "?apikey=[redacted]"],
  ["api_key", "&api_key=Zq8wx41Pk", "&api_key=[redacted]"],
])("a query parameter with %s is redacted", (_name, query, redacted) => {
  expect(redactSecrets(`GET https://api.internal/v1${query}&page=2`)).toBe(`GET https://api.internal/v1${redacted}&page=2`);
});

test("the log redactor masks Ferry's own secrets and URL credentials", () => {
  rememberSecret("log-secret-Q0123456");
  expect(redactKnownSecrets("key log-secret-Q0123456 at https://me:Zq8-wx41@proxy.internal/")).toBe("key [redacted] at https://me:[redacted]@proxy.internal/");
});

test("a URL that starts the text has its password redacted", () => {
  expect(redactKnownSecrets("https://me:Zq8-wx41@proxy.internal/ refused")).toBe("https://me:[redacted]@proxy.internal/ refused");
});
