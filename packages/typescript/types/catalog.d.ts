import * as reading from "./reading.js";
import { Recovery, RetryPolicy, Rule, TransportFailure } from "./recovery.js";
import * as waits from "./waits.js";
export type RecoveryData = {
    $comment?: string;
    /**
     * the API's name
     */
    api: string;
    precedence: string[];
    fields: reading.Fields;
    /**
     * what ends a namespace the wire may write before the code
     */
    code_namespace?: string | null;
    headers: Partial<Record<"retry_after" | "request_id" | "rate_limit_limit" | "rate_limit_remaining" | "rate_limit_reset" | "code", string>>;
    retry_after: {
        formats: waits.WaitFormat[];
        body_formats: waits.WaitFormat[];
        reset_formats: waits.WaitFormat[];
        default_seconds: number | null;
    };
    rules: import("./recovery.js").RuleData[];
    fallback: import("./recovery.js").RuleData;
    transport_defaults: import("./recovery.js").RuleData[];
    may_have_reached_server: TransportFailure[];
    idempotent_methods: string[];
    client_policy: import("./recovery.js").PolicyData;
    /**
     * the body formats (older data has none)
     */
    body?: import("./shapes.js").BodyFormats;
    examples: unknown[];
    cases: unknown[];
};
export type BodyInput = Uint8Array | ArrayBuffer | string | null | undefined;
/**
 * An API's recovery data, as `generated/recovery/<api>.json` holds it.
 * @typedef {object} RecoveryData
 * @property {string} [$comment]
 * @property {string} api the API's name
 * @property {string[]} precedence
 * @property {reading.Fields} fields
 * @property {string | null} [code_namespace] what ends a namespace the wire may write before the code
 * @property {Partial<Record<"retry_after" | "request_id" | "rate_limit_limit" | "rate_limit_remaining" | "rate_limit_reset" | "code", string>>} headers
 * @property {{formats: waits.WaitFormat[], body_formats: waits.WaitFormat[], reset_formats: waits.WaitFormat[], default_seconds: number | null}} retry_after
 * @property {import("./recovery.js").RuleData[]} rules
 * @property {import("./recovery.js").RuleData} fallback
 * @property {import("./recovery.js").RuleData[]} transport_defaults
 * @property {TransportFailure[]} may_have_reached_server
 * @property {string[]} idempotent_methods
 * @property {import("./recovery.js").PolicyData} client_policy
 * @property {import("./shapes.js").BodyFormats} [body] the body formats (older data has none)
 * @property {unknown[]} examples
 * @property {unknown[]} cases
 */
/**
 * A response body as a client has it: bytes, text (encoded as UTF-8), or nothing.
 * @typedef {Uint8Array | ArrayBuffer | string | null | undefined} BodyInput
 */
/**
 * An API's error catalog: its rules, fields and headers, as its recovery data gives them.
 *
 * The generated modules in `api-error-catalog/apis` hold one each (`ofauth.API`, typed with
 * its body formats); `new Api(data)` takes any other catalog's data.
 * @template [Body=unknown] the API's documented body formats (its module's `ErrorResponse`)
 */
export declare class Api<Body = unknown> {
    /** @readonly */
    data: RecoveryData;
    /** @readonly */
    name: string;
    /** @readonly */
    rules: Rule[];
    /** @readonly */
    fallback: Rule;
    /** @readonly */
    transportDefaults: Rule[];
    /** The client policy the Rust crate defaults to; `nextAttempt` uses it when given none. @readonly */
    clientPolicy: RetryPolicy;
    /** The headers the rules' conditions test. @readonly */
    testedHeaders: string[];
    /** @param {RecoveryData} data */
    constructor(data: RecoveryData);
    /**
     * Reads an error response: its status, its headers (fetch's `Headers`, pairs, or an object;
     * names in any case) and its body. Never throws.
     * @param {number} status
     * @param {reading.HeadersInput | null} [headers]
     * @param {BodyInput} [body]
     * @returns {ApiError<Body>}
     */
    read(status: number, headers?: reading.HeadersInput | null, body?: BodyInput): ApiError<Body>;
    /**
     * What to do when a request failed without a response: the catalog's rule for the failure,
     * else the runtime's default (retry with the client's backoff; fix the configuration after a
     * TLS failure).
     * @param {TransportFailure} failure
     * @returns {Recovery}
     */
    transportRecovery(failure: TransportFailure): Recovery;
}
/**
 * An error response of one API, read leniently: building one never throws, whatever the status,
 * headers and body. `recovery()` says what to do next.
 * @template [Body=unknown] the API's documented body formats
 */
export declare class ApiError<Body = unknown> extends Error {
    #private;
    /** @readonly */
    api: Api<Body>;
    /** @readonly */
    status: number;
    /** Every header, in the order sent. @readonly */
    headers: reading.HeaderPair[];
    /** The body's bytes (its start only, when it was too large to read). @readonly */
    raw: Uint8Array<ArrayBufferLike>;
    /** @readonly */
    bodyLength: number;
    /** Why the body is no documented error body, if it is not. @readonly */
    bodyProblem: reading.BodyProblem | null;
    /** The `Retry-After` header (or the API's own wait header) as sent. @readonly */
    retryAfterHeader: string | null;
    /** The wait that header asks for. @readonly */
    retryAfter: waits.Wait | null;
    /** @readonly */
    rateLimitLimit: number | null;
    /** @readonly */
    rateLimitRemaining: number | null;
    /** When the rate-limit window resets. @readonly */
    rateLimitResets: waits.Wait | null;
    /**
     * @param {Api<Body>} api
     * @param {number} status
     * @param {reading.HeaderPair[]} headers
     * @param {Uint8Array} raw
     */
    constructor(api: Api<Body>, status: number, headers: reading.HeaderPair[], raw: Uint8Array);
    /** The error type or code, as sent. */
    get code(): string | null;
    /** The body's hint on how to resolve the error, as sent. */
    get hint(): string | null;
    /** The body's message (`message` is the whole error's, as every `Error` has). */
    get errorMessage(): string | null;
    /** The request id: the body's, else the header's. */
    get requestId(): string | null;
    get supportReference(): string | null;
    /** The wait a body field asks for. */
    get bodyRetryAfter(): waits.Wait | null;
    /**
     * The body, when it is one of the API's documented formats (null when it is not: `bodyProblem`
     * says why), with integers past 2^53 as `bigint`.
     * @returns {Body | null}
     */
    get body(): Body | null;
    /**
     * The body's JSON, whatever its shape (undefined when it is not JSON), with integers past 2^53
     * as `bigint`.
     * @returns {unknown}
     */
    get json(): unknown;
    /** The start of the raw body, as text, for logs. */
    get excerpt(): string;
    /**
     * One top-level member of the body, even when the whole body is no documented one.
     * @param {string} key
     * @returns {unknown}
     */
    field(key: string): unknown;
    /**
     * What to do about this response, as the API's catalog says, with waits of at most `maxWait`
     * seconds; a moment the server names counts from `now` (by default, now).
     * @param {{now?: Date, maxWait?: number}} [options]
     * @returns {Recovery}
     */
    recovery({ now, maxWait }?: {
        now?: Date;
        maxWait?: number;
    }): Recovery;
}
