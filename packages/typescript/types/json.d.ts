/** How deep JSON may nest before the Rust runtime's reader gives up (serde_json's limit). */
export declare const MAX_DEPTH = 127;
export type JsonValue = null | boolean | string | number | bigint | JsonValue[] | {
    [key: string]: JsonValue;
};
/**
 * A JSON value as this reader keeps it: integers within 64 bits as `bigint` (as serde_json keeps
 * them), every other number as a `number`.
 * @typedef {null | boolean | string | number | bigint | JsonValue[] | {[key: string]: JsonValue}} JsonValue
 */
/** Why a text is not JSON. */
export declare class JsonError extends Error {
    /** @param {string} message */
    constructor(message: string);
}
/**
 * The JSON value of `text`, as strictly as the Rust runtime reads it; throws `JsonError`.
 * @param {string} text
 * @returns {JsonValue}
 */
export declare function parseJson(text: string): JsonValue;
/**
 * `value` with the integers a JavaScript number holds exactly as numbers; larger ones stay
 * `bigint`, so that no digit is lost.
 * @param {JsonValue} value
 * @returns {unknown}
 */
export declare function plain(value: JsonValue): unknown;
