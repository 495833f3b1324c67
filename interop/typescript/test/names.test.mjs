// What json-schema-to-typescript made of the schemas (build/types, from generate.mjs): one
// exported type per `$defs` entry under the same name, plus `Unknown<Name>` for the open branch
// of each open enum, and nothing else: no numbered duplicates such as `Link1`.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { bodyDefinitions, openEnums, schemas } from "../schemas.mjs";

const exported = (file) =>
  [...readFileSync(new URL(`../build/types/${file}`, import.meta.url), "utf8").matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]);

for (const { api, schema } of schemas()) {
  test(`${api}: every definition is exported once under its own name`, () => {
    // The main file, the status file, and a file per vocabulary that no body holds.
    const alone = readdirSync(new URL("../build/types/", import.meta.url)).filter(
      (file) => file.startsWith(`${api}.enum.`) && file.endsWith(".ts"),
    );
    const names = [`${api}.ts`, `${api}.status.ts`, ...alone].flatMap(exported);
    const unknown = openEnums(schema).map((name) => `Unknown${name}`);
    const expected = new Set([schema.title, ...Object.keys(schema.$defs), ...unknown]);
    assert.deepEqual(new Set(names), expected);
    // The status file repeats no type of the main file but the status ones; the file of a
    // vocabulary that only fields that may be `null` hold (as one union of its known values,
    // any other and `null`) repeats its known values' type, which those fields name.
    const bodies = JSON.stringify(bodyDefinitions(schema));
    const throughKnown = new Set(
      openEnums(schema)
        .filter((name) => !bodies.includes(`"#/$defs/${name}"`) && bodies.includes(`"#/$defs/Known${name}"`))
        .map((name) => `Known${name}`),
    );
    const repeated = names.filter((name, i) => names.indexOf(name) !== i);
    assert.ok(repeated.every((name) => name.endsWith("HttpStatus") || throughKnown.has(name)), `repeated: ${repeated}`);
  });

  test(`${api}: known values are string (or number) literal unions in catalog order`, () => {
    const text = readFileSync(new URL(`../build/types/${api}.status.ts`, import.meta.url), "utf8");
    const known = schema.$defs.KnownHttpStatus?.enum;
    const flat = text.replace(/\s+/g, " ");
    if (known === undefined) {
      // A documentation that names no status: any status, and no union of known ones.
      assert.match(flat, /export type HttpStatus = number;/);
      return;
    }
    // (A union too long for one line is written one member a line, each after a `|`.)
    assert.match(flat, new RegExp(`export type KnownHttpStatus = (\\| )?${known.join(" \\| ")};`));
  });
}
