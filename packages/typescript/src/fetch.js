// fetch, the HTTP client every JavaScript runtime has: an `ApiError` from a `Response`, and the
// transport failure of the errors `fetch` rejects with (Node's undici names them by `code` in
// the error's `cause`; browsers say less).

import { MAX_BODY_BYTES } from "./reading.js";
import { TransportFailure } from "./recovery.js";

/**
 * What `fromResponse` needs of a fetch `Response` (or anything shaped like one).
 * @typedef {object} ResponseLike
 * @property {number} status
 * @property {Iterable<[string, string]>} headers
 * @property {ReadableStream<Uint8Array> | null} [body]
 * @property {() => Promise<ArrayBuffer>} arrayBuffer
 */

/**
 * Reads a fetch `Response` (its status, every header, its body) as an error of `api`. At most
 * a little more than the largest body the reader reads is taken from the stream. Rejects only
 * when the body cannot be received (see `transportFailure`).
 * @template Body
 * @param {import("./catalog.js").Api<Body>} api
 * @param {ResponseLike} response
 * @returns {Promise<import("./catalog.js").ApiError<Body>>}
 */
export async function fromResponse(api, response) {
  return api.read(response.status, response.headers, await bodyBytes(response));
}

/**
 * @param {ResponseLike} response
 * @returns {Promise<Uint8Array>}
 */
async function bodyBytes(response) {
  const stream = response.body;
  if (stream === null || stream === undefined) return new Uint8Array(await response.arrayBuffer());
  const reader = stream.getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    // Past the limit the body is not read as JSON: keep what shows it is too large, no more.
    if (length > MAX_BODY_BYTES) {
      await reader.cancel();
      break;
    }
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

const BY_CODE = new Map([
  ["ENOTFOUND", TransportFailure.DNS],
  ["EAI_AGAIN", TransportFailure.DNS],
  ["EAI_FAIL", TransportFailure.DNS],
  ["EAI_NONAME", TransportFailure.DNS],
  ["ECONNREFUSED", TransportFailure.CONNECT],
  ["EHOSTUNREACH", TransportFailure.CONNECT],
  ["ENETUNREACH", TransportFailure.CONNECT],
  ["EHOSTDOWN", TransportFailure.CONNECT],
  ["UND_ERR_CONNECT_TIMEOUT", TransportFailure.CONNECT],
  ["ETIMEDOUT", TransportFailure.TIMEOUT],
  ["UND_ERR_HEADERS_TIMEOUT", TransportFailure.TIMEOUT],
  ["UND_ERR_BODY_TIMEOUT", TransportFailure.TIMEOUT],
  ["ECONNRESET", TransportFailure.CONNECTION_CLOSED],
  ["EPIPE", TransportFailure.CONNECTION_CLOSED],
  ["ECONNABORTED", TransportFailure.CONNECTION_CLOSED],
  ["UND_ERR_SOCKET", TransportFailure.CONNECTION_CLOSED],
  ["UND_ERR_CLOSED", TransportFailure.CONNECTION_CLOSED],
  ["UND_ERR_RES_CONTENT_LENGTH_MISMATCH", TransportFailure.BODY_INCOMPLETE],
]);

/**
 * The error and its causes, outermost first (an `AggregateError`'s errors after it).
 * @param {unknown} error
 * @returns {{name?: unknown, message?: unknown, code?: unknown}[]}
 */
function chain(error) {
  /** @type {{name?: unknown, message?: unknown, code?: unknown}[]} */
  const found = [];
  /** @type {unknown[]} */
  const pending = [error];
  while (pending.length > 0 && found.length < 32) {
    const next = pending.shift();
    if (next === null || typeof next !== "object") continue;
    const seen = /** @type {{name?: unknown, message?: unknown, code?: unknown, cause?: unknown, errors?: unknown}} */ (next);
    found.push(seen);
    pending.push(seen.cause);
    if (Array.isArray(seen.errors)) pending.push(...seen.errors);
  }
  return found;
}

/**
 * How a request failed without a response, from what `fetch` (or reading its body) rejected
 * with: a TLS or name-resolution failure anywhere in its causes wins; a timeout from
 * `AbortSignal.timeout` is one. Null for anything else, a caller's own abort among them.
 * @param {unknown} error
 * @returns {TransportFailure | null}
 */
export function transportFailure(error) {
  const errors = chain(error);
  const codes = errors.map((e) => (typeof e.code === "string" ? e.code : ""));
  if (codes.some((code) => /^(ERR_TLS_|ERR_SSL_)|CERT|SSL/.test(code))) return TransportFailure.TLS;
  if (codes.some((code) => BY_CODE.get(code) === TransportFailure.DNS)) return TransportFailure.DNS;
  const outer = errors[0];
  if (outer?.name === "TimeoutError") return TransportFailure.TIMEOUT;
  // undici's error when the connection ends while the body is being read.
  if (outer?.name === "TypeError" && outer.message === "terminated") return TransportFailure.BODY_INCOMPLETE;
  for (const code of codes) {
    const failure = BY_CODE.get(code);
    if (failure !== undefined) return failure;
  }
  return null;
}
