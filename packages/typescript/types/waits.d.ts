export type WaitFormat = "delay_seconds" | "http_date" | "iso8601" | "delay_milliseconds" | "duration" | "epoch_seconds" | "epoch_milliseconds";
export type Wait = {
    readonly kind: "delay";
    readonly seconds: number;
} | {
    readonly kind: "at";
    readonly epochSeconds: number;
};
/**
 * The formats a wait can be written in, as the recovery data names them.
 * @typedef {"delay_seconds" | "http_date" | "iso8601" | "delay_milliseconds" | "duration" | "epoch_seconds" | "epoch_milliseconds"} WaitFormat
 */
/**
 * A wait of some seconds, or until a moment (seconds since the Unix epoch).
 * @typedef {{readonly kind: "delay", readonly seconds: number} | {readonly kind: "at", readonly epochSeconds: number}} Wait
 */
/** The longest wait Rust's `Duration` holds, in seconds: what an absurd wait saturates to. */
export declare const MAX_SECONDS: number;
/**
 * Seconds from `nowSeconds` (since the epoch) to the end of the wait; zero for a moment past.
 * @param {Wait} wait
 * @param {number} nowSeconds
 * @returns {number}
 */
export declare function delayFrom(wait: Wait, nowSeconds: number): number;
/**
 * The wait `value` gives in the first of `formats` that reads it (surrounding white space
 * ignored), or null.
 * @param {string} value
 * @param {readonly WaitFormat[]} formats
 * @returns {Wait | null}
 */
export declare function parse(value: string, formats: readonly WaitFormat[]): Wait | null;
/**
 * A wait header's value: `Retry-After` in RFC 9110's two forms, then the API's own; any other
 * header in its formats (seconds where the catalog gives none).
 * @param {string} header
 * @param {string} value
 * @param {readonly WaitFormat[]} formats
 * @returns {Wait | null}
 */
export declare function readHeader(header: string, value: string, formats: readonly WaitFormat[]): Wait | null;
/**
 * A body field's wait: a number at least zero (seconds, milliseconds, or a moment in epoch
 * seconds or milliseconds, as its formats say), or text in one of its formats. Integers come as `bigint`, other numbers as
 * `number` (see `json.js`).
 * @param {string | number | bigint} value
 * @param {readonly WaitFormat[]} formats
 * @returns {Wait | null}
 */
export declare function bodyWait(value: string | number | bigint, formats: readonly WaitFormat[]): Wait | null;
export type Fields = [year: number, month: number, day: number, hour: number, minute: number, second: number, weekday: number];
