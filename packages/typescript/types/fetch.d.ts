import { TransportFailure } from "./recovery.js";
export type ResponseLike = {
    status: number;
    headers: Iterable<[string, string]>;
    body?: ReadableStream<Uint8Array> | null;
    arrayBuffer: () => Promise<ArrayBuffer>;
};
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
export declare function fromResponse<Body>(api: import("./catalog.js").Api<Body>, response: ResponseLike): Promise<import("./catalog.js").ApiError<Body>>;
/**
 * How a request failed without a response, from what `fetch` (or reading its body) rejected
 * with: a TLS or name-resolution failure anywhere in its causes wins; a timeout from
 * `AbortSignal.timeout` is one. Null for anything else, a caller's own abort among them.
 * @param {unknown} error
 * @returns {TransportFailure | null}
 */
export declare function transportFailure(error: unknown): TransportFailure | null;
