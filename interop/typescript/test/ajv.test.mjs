// The generated JSON Schemas with Ajv's draft 2020-12 build, in strict mode: each compiles,
// every example validates, bodies that break the format are rejected, and values added after
// the catalog are accepted.
import assert from "node:assert/strict";
import { test } from "node:test";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { addedLater, asWholeBody, isListBody, openEnums, rootFormats, schemas, shapeExamples, takesText } from "../schemas.mjs";

// Annotations for code generators (the Rust names and docs of the documented values); Ajv's
// strict mode rejects unknown keywords unless they are declared.
const ANNOTATIONS = ["x-enum-varnames", "x-enum-descriptions"];

function ajv() {
  // Union types (`["integer", "null"]` for a value that may be null) are plain JSON Schema;
  // strict mode asks for them to be allowed by name.
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  // The string formats catalogs use (`date-time`, `uri-reference`...), checked, not ignored.
  addFormats(ajv);
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword, schemaType: "array" });
  return ajv;
}

/** A validator for the whole schema, or for one of its `$defs`. */
function validator(schema, definition) {
  const instance = ajv();
  instance.addSchema(schema);
  return instance.compile(definition ? { $ref: `${schema.$id}#/$defs/${definition}` } : { $ref: schema.$id });
}

function referenced(prop) {
  const ref = prop.$ref ?? prop.allOf?.find((p) => p.$ref)?.$ref;
  return ref?.replace("#/$defs/", "");
}

for (const { api, schema } of schemas()) {
  test(`${api}: every example validates as its shape and as any error body`, (t) => {
    const examples = shapeExamples(schema);
    if (examples.length === 0) return t.skip("this API documents no example");
    const whole = validator(schema);
    for (const [shape, body] of examples) {
      assert.ok(whole(asWholeBody(schema, body)), `${shape} ${JSON.stringify(body)}: ${JSON.stringify(whole.errors)}`);
      const own = validator(schema, shape);
      assert.ok(own(body), `${shape} ${JSON.stringify(body)}: ${JSON.stringify(own.errors)}`);
    }
  });

  test(`${api}: bodies that break the format are rejected`, (t) => {
    if (rootFormats(schema).length === 0) return t.skip("this API documents no body: no format to break");
    // Each body with the format it breaks (none: every format). A body that breaks its own
    // format may still be another one (a format with nothing required takes any object), so
    // each is checked against the format it breaks.
    // (An empty list is a body that is a list of errors; an object is none; any text is a
    // plain-text body.)
    const notABody = isListBody(schema) ? ["an object", null, {}] : ["an array", null, []];
    const wrong = [notABody, ["null", null, null], ["a number", null, 42]];
    if (!takesText(schema)) wrong.push(["a string", null, "error"]);
    for (const [shape, body] of shapeExamples(schema)) {
      const def = schema.$defs[shape];
      for (const key of def.required ?? []) {
        const { [key]: _, ...rest } = body;
        wrong.push([`${shape} without ${key}`, shape, rest]);
      }
      for (const [key, prop] of Object.entries(def.properties ?? {})) {
        // A free-form (`any`) member, whose type lists every JSON type, takes every value.
        const free = Array.isArray(prop.type) && prop.type.includes("object") && prop.type.includes("boolean");
        if (key in body && !free) wrong.push([`${shape}.${key} of the wrong type`, shape, { ...body, [key]: prop.type === "boolean" ? "yes" : true }]);
      }
    }
    for (const [what, shape, body] of wrong) {
      const validate = shape ? validator(schema, shape) : validator(schema);
      assert.equal(validate(body), false, `accepted ${what}: ${JSON.stringify(body)}`);
    }
  });

  test(`${api}: values added after the catalog are accepted`, () => {
    const validate = validator(schema);
    const enums = new Set(openEnums(schema));
    for (const [shape, body] of shapeExamples(schema)) {
      // (A plain-text format has no members.)
      for (const [key, prop] of Object.entries(schema.$defs[shape].properties ?? {})) {
        if (key in body && enums.has(referenced(prop))) {
          const later = { ...body, [key]: addedLater(schema, referenced(prop)) };
          assert.ok(validate(asWholeBody(schema, later)), `${shape}.${key}`);
        }
      }
    }
    const status = validator(schema, "HttpStatus");
    assert.ok(status(418) && status(429));
    assert.equal(status(99), false);
    assert.equal(status("429"), false);
  });
}

test("strict mode still catches a misspelt keyword (the declared annotations are the only exception)", () => {
  assert.throws(() => ajv().compile({ type: "object", "x-enum-varname": [] }), /unknown keyword/);
});
