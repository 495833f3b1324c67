// The generated OpenAPI 3.1 documents with a second, independent validator: swagger-parser
// checks each against the OpenAPI 3.1 schema and resolves every reference.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import SwaggerParser from "@apidevtools/swagger-parser";
import { ROOT } from "../schemas.mjs";

const documents = ["generated", "codegen/tests/fixtures/edge/crate"].flatMap((dir) =>
  readdirSync(join(ROOT, dir, "openapi")).map((name) => join(ROOT, dir, "openapi", name)),
);

test("there are OpenAPI documents to check", () => assert.ok(documents.length >= 4));

for (const path of documents) {
  test(`${path.slice(ROOT.length)}: a valid OpenAPI 3.1 document whose references resolve`, async () => {
    const api = await SwaggerParser.validate(path);
    assert.match(api.openapi, /^3\.1\./);
    const responses = Object.values(api.components.responses);
    assert.ok(responses.length > 0);
    // Dereferenced: every response carries its schema, not a dangling reference (an API that
    // documents no body has no content).
    for (const response of responses) {
      for (const media of Object.values(response.content ?? {})) assert.ok(media.schema.title);
    }
  });
}
