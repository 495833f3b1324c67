// The flowcharts of the Markdown reference (`generated/docs/<api>.md`) parse with Mermaid itself,
// as GitHub draws them: a label that closed its quotes or opened markup would leave a page with
// a broken picture and no test to say so.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { JSDOM } from "jsdom";

// Mermaid's parser wants a DOM (for sanitizing labels), which Node has not.
const dom = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

const DIRS = ["../../../generated/docs/", "../../../codegen/tests/fixtures/edge/crate/docs/"];

for (const dir of DIRS) {
  const url = new URL(dir, import.meta.url);
  for (const file of readdirSync(url).filter((f) => f.endsWith(".md") && f !== "README.md")) {
    test(`${file}: its recovery flowchart parses`, async () => {
      const text = readFileSync(new URL(file, url), "utf8");
      const charts = [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]);
      assert.equal(charts.length, 1, "one flowchart per API page");
      assert.ok(await mermaid.parse(charts[0]));
    });
  }
}

test("a broken chart is refused (the parser is no formality)", async () => {
  await assert.rejects(mermaid.parse('flowchart LR\n    a -- "x\n    b -->> {{c\n'));
});
