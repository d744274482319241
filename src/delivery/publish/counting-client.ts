import type { GitHubClient } from "../../github/client.ts";

/** The same client, counting its requests (each page of a listing is one), so a delivery can report what it cost. */
export function countingClient(client: GitHubClient): { client: GitHubClient; requests: () => number } {
  let requests = 0;
  const request = new Proxy(client.request, {
    apply(target, self, args) {
      requests++;
      return Reflect.apply(target, self, args);
    },
  });
  return { client: { request }, requests: () => requests };
}
