import { repoOf, type RouteContext } from "./context.ts";
import { deleteBranch, readPath, resolveRef, type TreeEntry } from "./git-store.ts";
import { notFound, ok, route, unprocessable, type Route } from "./router.ts";

/** Refs and file contents, read from and written to the real bare repository. */
export function gitRoutes(ctx: RouteContext): Route[] {
  const entryShape = (entry: TreeEntry, repo: string) => ({
    type: entry.type,
    name: entry.path.split("/").at(-1) ?? entry.path,
    path: entry.path,
    sha: entry.sha,
    size: entry.size,
    url: `${ctx.web()}/api/v3/repos/${repo}/contents/${entry.path}`,
  });
  return [
    route("GET", "/repos/{owner}/{repo}/git/ref/{ref+}", async (call) => {
      const repo = repoOf(ctx, call);
      const ref = call.params.ref ?? "";
      const sha = repo && ref.startsWith("heads/") ? await resolveRef(repo.gitDir, `refs/${ref}`) : undefined;
      return sha ? ok({ ref: `refs/${ref}`, node_id: `REF_${sha}`, object: { sha, type: "commit" } }) : notFound();
    }),
    route("DELETE", "/repos/{owner}/{repo}/git/refs/{ref+}", async (call) => {
      const repo = repoOf(ctx, call);
      if (!repo) return notFound();
      const ref = call.params.ref ?? "";
      if (!ref.startsWith("heads/") || !(await deleteBranch(repo.gitDir, ref.slice("heads/".length)))) return unprocessable("Reference does not exist");
      return { status: 204 };
    }),
    route("GET", "/repos/{owner}/{repo}/contents/{path+}", async (call) => {
      const repo = repoOf(ctx, call);
      if (!repo) return notFound();
      const full = `${repo.owner}/${repo.name}`;
      const found = await readPath(repo.gitDir, call.query.get("ref") ?? repo.defaultBranch, call.params.path ?? "");
      if (!found) return notFound();
      if (found.entries) return ok(found.entries.map((entry) => entryShape(entry, full)));
      const content = (found.content ?? Buffer.alloc(0)).toString("base64").replace(/.{60}/g, "$&\n");
      return ok({ ...entryShape(found.entry, full), encoding: "base64", content });
    }),
  ];
}
