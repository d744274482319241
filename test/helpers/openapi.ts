import { createRequire } from "node:module";

/**
 * Checks a request against GitHub's official OpenAPI description (@octokit/openapi):
 * the route exists for that method, and the JSON body has every required property,
 * with enum values GitHub accepts. Returns the problems, empty when the request is fine.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  required?: string[];
  properties?: Record<string, Schema>;
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};
type Operation = { requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> } };
type Spec = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
type Route = { template: string; pattern: RegExp; operations: Record<string, Operation> };

let routes: { spec: Spec; list: Route[] } | undefined;

function loadRoutes(): { spec: Spec; list: Route[] } {
  if (routes) return routes;
  const require = createRequire(import.meta.url);
  const spec: Spec = require("@octokit/openapi/generated/api.github.com.json");
  const list = Object.entries(spec.paths).map(([template, operations]) => ({
    template,
    operations,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));
  // Literal segments beat parameters: /issues/comments/{id} must not match /issues/{number}/….
  list.sort((a, b) => b.template.replace(/\{[^}]+\}/g, "").length - a.template.replace(/\{[^}]+\}/g, "").length);
  routes = { spec, list };
  return routes;
}

function resolve(spec: Spec, schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  return resolve(spec, spec.components.schemas[name]);
}

function bodyProblems(spec: Spec, schema: Schema | undefined, body: unknown, where: string): string[] {
  const resolved = resolve(spec, schema);
  if (!resolved) return [];
  const alternatives = resolved.oneOf ?? resolved.anyOf;
  if (alternatives) {
    const results = alternatives.map((alternative) => bodyProblems(spec, alternative, body, where));
    return results.some((problems) => problems.length === 0) ? [] : (results[0] ?? []);
  }
  if (resolved.allOf) return resolved.allOf.flatMap((part) => bodyProblems(spec, part, body, where));
  if (resolved.type !== "object" && !resolved.properties) return [];
  if (typeof body !== "object" || body === null || Array.isArray(body)) return [`${where}: the body must be a JSON object`];
  const record: Record<string, unknown> = { ...body };
  const problems = (resolved.required ?? [])
    .filter((name) => record[name] === undefined)
    .map((name) => `${where}: required property "${name}" is missing`);
  for (const [name, value] of Object.entries(record)) {
    const property = resolve(spec, resolved.properties?.[name]);
    if (property?.enum && !property.enum.includes(value)) {
      problems.push(`${where}: "${name}" must be one of ${JSON.stringify(property.enum)}, got ${JSON.stringify(value)}`);
    }
  }
  return problems;
}

export function checkGitHubRequest(method: string, url: string, body: unknown): string[] {
  const { spec, list } = loadRoutes();
  const path = new URL(url, "https://api.github.com").pathname.replace(/^\/api\/v3(?=\/)/, "");
  const verb = method.toLowerCase();
  const where = `${method.toUpperCase()} ${path}`;
  const route = list.find((candidate) => candidate.pattern.test(path));
  if (!route) return [`${where}: no such route in GitHub's OpenAPI description`];
  const operation = route.operations[verb];
  if (!operation) return [`${where}: ${route.template} has no ${method.toUpperCase()} operation`];
  const content = operation.requestBody?.content;
  const schema = content?.["application/json"]?.schema;
  if (!schema) return [];
  if (body === undefined || body === "") {
    return operation.requestBody?.required ? [`${where}: a request body is required`] : [];
  }
  return bodyProblems(spec, schema, body, where);
}
