import * as waits from "./waits.js";
/** Bodies longer than this are not read (no error body is; a 5 MB page is not one). */
export declare const MAX_BODY_BYTES: number;
/** A body longer than this has the facts of its array elements beyond the first left unread. */
export declare const VALUE_BYTES: number;
/** How much of the raw body `ApiError.excerpt` keeps. */
export declare const EXCERPT_BYTES = 2048;
/** Path steps over an array: `[]` the first element that has the fact, `[*]` every element. */
export declare const EACH_ELEMENT = "[]";
export declare const ANY_ELEMENT = "[*]";
export type JsonValue = import("./json.js").JsonValue;
export type Role = "code" | "hint" | "message" | "request_id" | "support_reference" | "retry_after";
export type Fields = Partial<Record<Role, string[][]>>;
export type BodyProblemKind = "empty" | "too_large" | "not_json" | "unexpected_shape";
export type HeaderPair = [name: string, value: string];
export type HeadersInput = Iterable<readonly [string, string]> | Record<string, string | number | readonly string[] | undefined>;
/**
 * @typedef {import("./json.js").JsonValue} JsonValue
 * @typedef {"code" | "hint" | "message" | "request_id" | "support_reference" | "retry_after"} Role
 * @typedef {Partial<Record<Role, string[][]>>} Fields
 * @typedef {"empty" | "too_large" | "not_json" | "unexpected_shape"} BodyProblemKind
 * @typedef {[name: string, value: string]} HeaderPair
 */
/**
 * Headers as a client has them: fetch's `Headers`, pairs in the order sent, or an object of
 * names to values (a list of values for a repeated name, as Node's `IncomingHttpHeaders`).
 * @typedef {Iterable<readonly [string, string]> | Record<string, string | number | readonly string[] | undefined>} HeadersInput
 */
/**
 * Why a body could not be read as the API's error body. The response is still an `ApiError`,
 * with whatever was salvaged.
 */
export declare class BodyProblem {
    /** `empty`, `too_large`, `not_json` or `unexpected_shape`. @readonly */
    kind: BodyProblemKind;
    /** @readonly */
    message: string;
    /** @param {BodyProblemKind} kind @param {string} message */
    constructor(kind: BodyProblemKind, message: string);
}
/**
 * The string or number at `path` (through the first element that has one, at `[]` or `[*]`), or
 * null.
 * @param {JsonValue} body
 * @param {readonly string[]} path
 * @param {number} [from]
 * @returns {string | number | bigint | null}
 */
export declare function scalarAt(body: JsonValue, path: readonly string[], from?: number): string | number | bigint | null;
/**
 * Every string or number at `path`: each element's at `[*]`, the first element's that has any at
 * `[]`.
 * @param {JsonValue} body
 * @param {readonly string[]} path
 * @param {(string | number | bigint)[]} out
 * @param {number} [from]
 */
export declare function scalarsAt(body: JsonValue, path: readonly string[], out: (string | number | bigint)[], from?: number): void;
/**
 * A fact's text, as the Rust runtime writes it: a string as sent; a whole number within 64 bits
 * as its digits however it is written (`20429.0` is `20429`); any other number as serde_json
 * writes it.
 * @param {unknown} value
 * @returns {string | null}
 */
export declare function text(value: unknown): string | null;
/**
 * serde_json's text of a float: plain from 1e-5 up to 1e16, otherwise scientific (`1e-7`,
 * `1.5e+300`), with the fewest digits that read back the same (which `toExponential` gives).
 * @param {number} value
 * @returns {string}
 */
export declare function floatText(value: number): string;
/** The facts of a body: each role's value, and the codes and hints of every element. */
export declare class BodyFacts {
    /** @type {string | null} */
    code: string | null;
    /** @type {string | null} */
    hint: string | null;
    /** @type {string | null} */
    message: string | null;
    /** @type {string | null} */
    request_id: string | null;
    /** @type {string | null} */
    support_reference: string | null;
    /** @type {waits.Wait | null} */
    retry_after: waits.Wait | null;
    /** @type {string[]} */
    everyCode: string[];
    /** @type {string[]} */
    everyHint: string[];
    constructor();
}
/**
 * The facts at each role's paths, the first path that has one winning; with `every`, the codes
 * and hints of every element too (their paths through `[*]`).
 * @param {JsonValue} body
 * @param {Fields} fields
 * @param {readonly waits.WaitFormat[]} waitFormats
 * @param {boolean} every
 * @returns {BodyFacts}
 */
export declare function bodyFacts(body: JsonValue, fields: Fields, waitFormats: readonly waits.WaitFormat[], every: boolean): BodyFacts;
export type Body = {
    json: JsonValue | undefined;
    facts: BodyFacts;
    problem: BodyProblem | null;
};
/**
 * A body as read: its JSON (when it is JSON), its facts, and why it is not a documented error
 * body, if it is not.
 * @typedef {{json: JsonValue | undefined, facts: BodyFacts, problem: BodyProblem | null}} Body
 */
/**
 * Reads a body's JSON and facts, and whether it is one of the documented `formats` (the recovery
 * data's `body`); never throws.
 * @param {Uint8Array} raw
 * @param {Fields} fields
 * @param {readonly waits.WaitFormat[]} waitFormats
 * @param {import("./shapes.js").BodyFormats} [formats]
 * @returns {Body}
 */
export declare function readBody(raw: Uint8Array, fields: Fields, waitFormats: readonly waits.WaitFormat[], formats?: import("./shapes.js").BodyFormats): Body;
/**
 * Headers as (name, value) pairs in the order sent.
 * @param {HeadersInput | null | undefined} headers
 * @returns {HeaderPair[]}
 */
export declare function headerPairs(headers: HeadersInput | null | undefined): HeaderPair[];
/**
 * The value of the first header named `name` (in any ASCII case), trimmed as Rust trims.
 * @param {readonly HeaderPair[]} pairs
 * @param {string | undefined} name
 * @returns {string | null}
 */
export declare function firstHeader(pairs: readonly HeaderPair[], name: string | undefined): string | null;
/**
 * The error code of a header's value, as Rust reads it: up to its first `:`, trimmed (AWS's
 * `x-amzn-ErrorType` writes an address after it); null when empty.
 * @param {string | null} value
 * @returns {string | null}
 */
export declare function headerCode(value: string | null): string | null;
/**
 * A rate-limit count as Rust's `u64` parse reads one: digits, a leading `+` allowed.
 * @param {string | null} value
 * @returns {number | null}
 */
export declare function count(value: string | null): number | null;
/**
 * The start of the raw body as text (invalid UTF-8 replaced), for logs.
 * @param {Uint8Array} raw
 * @returns {string}
 */
export declare function excerpt(raw: Uint8Array): string;
