// The generated JSON Schemas the TypeScript checks consume: every API of the real catalog and
// the edge-case fixture API (whose texts carry everything hard to escape).
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUTPUT_DIRS = ["generated", "codegen/tests/fixtures/edge/crate"];

/** [{ api, path, schema }] for every `schemas/<api>.schema.json`. */
export function schemas() {
  const found = OUTPUT_DIRS.flatMap((dir) => {
    const folder = join(ROOT, dir, "schemas");
    return readdirSync(folder)
      .filter((name) => name.endsWith(".schema.json"))
      .map((name) => join(folder, name));
  });
  if (found.length === 0) throw new Error("no schemas found: run `cargo xtask generate`");
  return found.sort().map((path) => ({
    api: basename(path, ".schema.json"),
    path,
    schema: JSON.parse(readFileSync(path, "utf8")),
  }));
}

/** [[shape, body]] for every example the schema's `$defs` carry. */
export function shapeExamples(schema) {
  return Object.entries(schema.$defs).flatMap(([name, def]) => (def.examples ?? []).map((body) => [name, body]));
}

/** Whether the API's error body is a list of errors (its root is an array of one format). */
export function isListBody(schema) {
  return schema.type === "array";
}

/** The `$defs` names of the formats a whole body may have. */
export function rootFormats(schema) {
  // (None, of an API that documents no body: its `ErrorResponse` takes any value.)
  const branches = schema.allOf ?? schema.anyOf ?? schema.oneOf ?? (schema.items ? [schema.items] : []);
  return branches.map((branch) => branch.$ref.replace("#/$defs/", ""));
}

/** Whether the API sends bodies of plain text: a root format that is a string, not an object. */
export function takesText(schema) {
  return rootFormats(schema).some((name) => !("properties" in schema.$defs[name]));
}

/** The definitions of bodies and the objects they hold: those with members, and a plain-text
 * format (a string). */
export function bodyDefinitions(schema) {
  const formats = new Set(rootFormats(schema));
  return Object.entries(schema.$defs)
    .filter(([name, definition]) => "properties" in definition || formats.has(name))
    .map(([, definition]) => definition);
}

/** A body that holds `element`, an example of its format: itself, or a list of it. */
export function asWholeBody(schema, element) {
  return isListBody(schema) ? [element] : element;
}

/** Names of the open enums: the `$defs` with a `Known<Name>` list of documented values. */
export function openEnums(schema) {
  return Object.keys(schema.$defs).filter((name) => `Known${name}` in schema.$defs);
}

/** A value of the open enum `name` that the catalog does not know, of the enum's own type and
 * format (an integer code, a URI where its values are URIs), as a server might add one. */
export function addedLater(schema, name) {
  const open = schema.$defs[name].oneOf.find((branch) => !("$ref" in branch));
  if (open.type === "integer") return Math.max(...open.not.enum) + 1;
  const byFormat = {
    uri: "https://example.com/a-value-added-later",
    iri: "https://example.com/a-value-added-later",
    uuid: "00000000-0000-4000-8000-000000000000",
    email: "added-later@example.com",
    "date-time": "2030-01-01T00:00:00Z",
  };
  return byFormat[open.format] ?? "A_VALUE_ADDED_LATER";
}
