// Reading an error response leniently: the JSON of its body, the facts at the paths the API's
// data gives (code, hint, message, request id, wait, support reference), and the headers it
// names. Reading never throws.

import { parseJson } from "./json.js";
import { unfit } from "./shapes.js";
import { asciiLower, isDigits, rustTrim } from "./text.js";
import * as waits from "./waits.js";

/** Bodies longer than this are not read (no error body is; a 5 MB page is not one). */
export const MAX_BODY_BYTES = 1 << 20;
/** A body longer than this has the facts of its array elements beyond the first left unread. */
export const VALUE_BYTES = 64 << 10;
/** How much of the raw body `ApiError.excerpt` keeps. */
export const EXCERPT_BYTES = 2048;
/** Path steps over an array: `[]` the first element that has the fact, `[*]` every element. */
export const EACH_ELEMENT = "[]";
export const ANY_ELEMENT = "[*]";

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const LENIENT_UTF8 = new TextDecoder("utf-8", { ignoreBOM: true });

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
export class BodyProblem {
  /** @param {BodyProblemKind} kind @param {string} message */
  constructor(kind, message) {
    /** `empty`, `too_large`, `not_json` or `unexpected_shape`. @readonly */
    this.kind = kind;
    /** @readonly */
    this.message = message;
  }
}

/**
 * @param {unknown} value
 * @returns {value is string | number | bigint}
 */
function isScalar(value) {
  return typeof value === "string" || typeof value === "number" || typeof value === "bigint";
}

/**
 * The string or number at `path` (through the first element that has one, at `[]` or `[*]`), or
 * null.
 * @param {JsonValue} body
 * @param {readonly string[]} path
 * @param {number} [from]
 * @returns {string | number | bigint | null}
 */
export function scalarAt(body, path, from = 0) {
  if (from === path.length) return isScalar(body) ? body : null;
  const key = /** @type {string} */ (path[from]);
  if ((key === EACH_ELEMENT || key === ANY_ELEMENT) && Array.isArray(body)) {
    for (const element of body) {
      const found = scalarAt(element, path, from + 1);
      if (found !== null) return found;
    }
    return null;
  }
  if (isObject(body) && Object.hasOwn(body, key)) return scalarAt(/** @type {JsonValue} */ (body[key]), path, from + 1);
  return null;
}

/**
 * Every string or number at `path`: each element's at `[*]`, the first element's that has any at
 * `[]`.
 * @param {JsonValue} body
 * @param {readonly string[]} path
 * @param {(string | number | bigint)[]} out
 * @param {number} [from]
 */
export function scalarsAt(body, path, out, from = 0) {
  if (from === path.length) {
    if (isScalar(body)) out.push(body);
    return;
  }
  const key = /** @type {string} */ (path[from]);
  if (key === ANY_ELEMENT && Array.isArray(body)) {
    for (const element of body) scalarsAt(element, path, out, from + 1);
  } else if (key === EACH_ELEMENT && Array.isArray(body)) {
    for (const element of body) {
      const before = out.length;
      scalarsAt(element, path, out, from + 1);
      if (out.length > before) return;
    }
  } else if (isObject(body) && Object.hasOwn(body, key)) {
    scalarsAt(/** @type {JsonValue} */ (body[key]), path, out, from + 1);
  }
}

/**
 * @param {JsonValue} value
 * @returns {value is {[key: string]: JsonValue}}
 */
function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * A fact's text, as the Rust runtime writes it: a string as sent; a whole number within 64 bits
 * as its digits however it is written (`20429.0` is `20429`); any other number as serde_json
 * writes it.
 * @param {unknown} value
 * @returns {string | null}
 */
export function text(value) {
  if (typeof value === "string") return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "number") return null;
  if (Number.isInteger(value) && value >= -(2 ** 63) && value < 2 ** 63) return BigInt(value).toString();
  return floatText(value);
}

/**
 * serde_json's text of a float: plain from 1e-5 up to 1e16, otherwise scientific (`1e-7`,
 * `1.5e+300`), with the fewest digits that read back the same (which `toExponential` gives).
 * @param {number} value
 * @returns {string}
 */
export function floatText(value) {
  const [mantissa = "", power = "0"] = value.toExponential().split("e");
  const minus = mantissa.startsWith("-") ? "-" : "";
  const shown = mantissa.replace("-", "").replace(".", "");
  const leading = Number(power);
  const exponent = leading - (shown.length - 1);
  if (leading >= -5 && leading < 16) {
    if (exponent >= 0) return `${minus}${shown}${"0".repeat(exponent)}.0`;
    const point = shown.length + exponent;
    const whole = point > 0 ? shown.slice(0, point) : "0";
    return `${minus}${whole}.${"0".repeat(Math.max(0, -point))}${shown.slice(Math.max(0, point))}`;
  }
  const fraction = shown.length > 1 ? `.${shown.slice(1)}` : "";
  return `${minus}${shown[0]}${fraction}e${leading > 0 ? "+" : "-"}${Math.abs(leading)}`;
}

/** The facts of a body: each role's value, and the codes and hints of every element. */
export class BodyFacts {
  constructor() {
    /** @type {string | null} */
    this.code = null;
    /** @type {string | null} */
    this.hint = null;
    /** @type {string | null} */
    this.message = null;
    /** @type {string | null} */
    this.request_id = null;
    /** @type {string | null} */
    this.support_reference = null;
    /** @type {waits.Wait | null} */
    this.retry_after = null;
    /** @type {string[]} */
    this.everyCode = [];
    /** @type {string[]} */
    this.everyHint = [];
  }
}

const TEXT_ROLES = new Set(["code", "hint", "message", "request_id", "support_reference"]);

/**
 * The facts at each role's paths, the first path that has one winning; with `every`, the codes
 * and hints of every element too (their paths through `[*]`).
 * @param {JsonValue} body
 * @param {Fields} fields
 * @param {readonly waits.WaitFormat[]} waitFormats
 * @param {boolean} every
 * @returns {BodyFacts}
 */
export function bodyFacts(body, fields, waitFormats, every) {
  const facts = new BodyFacts();
  for (const [role, paths] of Object.entries(fields)) {
    for (const path of paths ?? []) {
      const value = scalarAt(body, path);
      if (value === null) continue;
      if (role === "retry_after") {
        facts.retry_after ??= waits.bodyWait(value, waitFormats);
      } else if (TEXT_ROLES.has(role)) {
        const slot = /** @type {"code" | "hint" | "message" | "request_id" | "support_reference"} */ (role);
        facts[slot] ??= text(value);
      }
    }
  }
  if (every) {
    for (const [paths, slot] of /** @type {const} */ ([
      [fields.code, facts.everyCode],
      [fields.hint, facts.everyHint],
    ])) {
      for (const path of paths ?? []) {
        if (!path.includes(ANY_ELEMENT)) continue;
        /** @type {(string | number | bigint)[]} */
        const found = [];
        scalarsAt(body, path, found);
        for (const value of found) {
          const shown = text(value);
          if (shown !== null) slot.push(shown);
        }
      }
    }
  }
  return facts;
}

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
export function readBody(raw, fields, waitFormats, formats) {
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) raw = raw.subarray(3);
  if (raw.length > MAX_BODY_BYTES) {
    return unread("too_large", `the body is more than ${MAX_BODY_BYTES} bytes, too large to read`);
  }
  // Rust's `u8::is_ascii_whitespace`: JSON's white space and the form feed.
  if (raw.every((byte) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c)) {
    return unread("empty", "the body is empty");
  }
  /** @type {JsonValue} */
  let value;
  /** @type {string | null} */
  let notJson = null;
  try {
    value = parseJson(STRICT_UTF8.decode(raw));
  } catch (error) {
    notJson = error instanceof TypeError ? "invalid UTF-8" : String(/** @type {Error} */ (error).message);
    value = null;
  }
  if (formats?.text !== undefined && (notJson !== null || !isObject(value))) {
    // Of an API that sends plain text, a body that is no JSON object is such a text: without the
    // white space around it, its one value, as a JSON string of it would be.
    value = LENIENT_UTF8.decode(raw).replace(/^[ \t\n\f\r]+|[ \t\n\f\r]+$/g, "");
  } else if (notJson !== null) {
    return unread("not_json", `the body is not JSON: ${notJson}`);
  }
  // The Rust runtime reads every element's facts only in bodies of at most VALUE_BYTES.
  const facts = bodyFacts(value, fields, waitFormats, raw.length <= VALUE_BYTES);
  const why = formats === undefined ? null : unfit(value, formats);
  const problem = why === null ? null : new BodyProblem("unexpected_shape", `the body is not a documented error body: ${why}`);
  return { json: value, facts, problem };
}

/**
 * @param {BodyProblemKind} kind
 * @param {string} message
 * @returns {Body}
 */
function unread(kind, message) {
  return { json: undefined, facts: new BodyFacts(), problem: new BodyProblem(kind, message) };
}

/**
 * Headers as (name, value) pairs in the order sent.
 * @param {HeadersInput | null | undefined} headers
 * @returns {HeaderPair[]}
 */
export function headerPairs(headers) {
  /** @type {HeaderPair[]} */
  const pairs = [];
  if (headers === null || headers === undefined) return pairs;
  if (Symbol.iterator in headers) {
    for (const [name, value] of /** @type {Iterable<readonly [string, string]>} */ (headers)) {
      pairs.push([String(name), String(value)]);
    }
    return pairs;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) pairs.push([name, String(one)]);
  }
  return pairs;
}

/**
 * The value of the first header named `name` (in any ASCII case), trimmed as Rust trims.
 * @param {readonly HeaderPair[]} pairs
 * @param {string | undefined} name
 * @returns {string | null}
 */
export function firstHeader(pairs, name) {
  if (name === undefined) return null;
  const wanted = asciiLower(name);
  const found = pairs.find(([key]) => asciiLower(key) === wanted);
  return found === undefined ? null : rustTrim(found[1]);
}

/**
 * The error code of a header's value, as Rust reads it: up to its first `:`, trimmed (AWS's
 * `x-amzn-ErrorType` writes an address after it); null when empty.
 * @param {string | null} value
 * @returns {string | null}
 */
export function headerCode(value) {
  if (value === null) return null;
  const code = rustTrim(value.split(":", 1)[0] ?? "");
  return code === "" ? null : code;
}

/**
 * A rate-limit count as Rust's `u64` parse reads one: digits, a leading `+` allowed.
 * @param {string | null} value
 * @returns {number | null}
 */
export function count(value) {
  if (value === null) return null;
  const digits = value.startsWith("+") ? value.slice(1) : value;
  return isDigits(digits) && BigInt(digits) < 2n ** 64n ? Number(digits) : null;
}

/**
 * The start of the raw body as text (invalid UTF-8 replaced), for logs.
 * @param {Uint8Array} raw
 * @returns {string}
 */
export function excerpt(raw) {
  const cut = LENIENT_UTF8.decode(raw.subarray(0, EXCERPT_BYTES));
  return raw.length > EXCERPT_BYTES ? `${cut}\u2026` : cut;
}
