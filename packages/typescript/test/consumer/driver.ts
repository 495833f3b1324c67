// Run in a fresh npm project that installed the package from the checkout (packages/run): the
// README's fetch loop (readme-2.ts, copied from README.md) against a local server, retried to
// success and given up on where the catalog says.

import assert from "node:assert/strict";
import { createServer } from "node:http";

import { send } from "./readme-2.js";

let asked = 0;
const server = createServer((request, response) => {
  asked += 1;
  if (request.url === "/queue" && asked === 1) {
    response.writeHead(429, { "retry-after": "0", "content-type": "application/json" });
    response.end('{"error": "Too many requests"}');
  } else if (request.url === "/queue") {
    response.writeHead(200, { "content-type": "application/json" }).end('{"ok": true}');
  } else {
    response.writeHead(404, { "content-type": "application/json" }).end('{"error": "Not found"}');
  }
});
await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}`;

const response = await send(`${base}/queue`);
assert.equal(response.status, 200);
assert.equal(asked, 2);
// Fanfare's 404: fix the request, never retried.
await assert.rejects(send(`${base}/missing`), /fix_request/);
assert.equal(asked, 3);
server.close();
console.log("the README's fetch loop retried to success and gave up where the catalog says");
