// Waits a server asks for: `Retry-After` in each form an API uses, reset times and body fields.
//
// Every parser here follows the Rust runtime's (`runtime/src/retry_after.rs` and the `httpdate`
// crate it uses) to the byte, not JavaScript's: `Date.parse` reads almost anything that looks
// like a date, and a decision must not depend on the language that made it.

import { isDigits, rustTrim } from "./text.js";

/**
 * The formats a wait can be written in, as the recovery data names them.
 * @typedef {"delay_seconds" | "http_date" | "iso8601" | "delay_milliseconds" | "duration" | "epoch_seconds" | "epoch_milliseconds"} WaitFormat
 */

/**
 * A wait of some seconds, or until a moment (seconds since the Unix epoch).
 * @typedef {{readonly kind: "delay", readonly seconds: number} | {readonly kind: "at", readonly epochSeconds: number}} Wait
 */

/** The longest wait Rust's `Duration` holds, in seconds: what an absurd wait saturates to. */
export const MAX_SECONDS = 2 ** 64;

const U64_MAX = 2n ** 64n - 1n;

/** @param {number} seconds @returns {Wait} */
const delay = (seconds) => ({ kind: "delay", seconds });
/** @param {number} epochSeconds @returns {Wait} */
const at = (epochSeconds) => ({ kind: "at", epochSeconds });

/**
 * Seconds from `nowSeconds` (since the epoch) to the end of the wait; zero for a moment past.
 * @param {Wait} wait
 * @param {number} nowSeconds
 * @returns {number}
 */
export function delayFrom(wait, nowSeconds) {
  return wait.kind === "delay" ? wait.seconds : Math.max(0, wait.epochSeconds - nowSeconds);
}

/**
 * The wait `value` gives in the first of `formats` that reads it (surrounding white space
 * ignored), or null.
 * @param {string} value
 * @param {readonly WaitFormat[]} formats
 * @returns {Wait | null}
 */
export function parse(value, formats) {
  const trimmed = rustTrim(value);
  for (const format of formats) {
    const wait = parseOne(trimmed, format);
    if (wait !== null) return wait;
  }
  return null;
}

/**
 * A wait header's value: `Retry-After` in RFC 9110's two forms, then the API's own; any other
 * header in its formats (seconds where the catalog gives none).
 * @param {string} header
 * @param {string} value
 * @param {readonly WaitFormat[]} formats
 * @returns {Wait | null}
 */
export function readHeader(header, value, formats) {
  if (header.toLowerCase() === "retry-after") {
    return parse(value, ["delay_seconds", "http_date"]) ?? parse(value, formats);
  }
  return parse(value, formats.length > 0 ? formats : ["delay_seconds"]);
}

/**
 * A body field's wait: a number at least zero (seconds, milliseconds, or a moment in epoch
 * seconds or milliseconds, as its formats say), or text in one of its formats. Integers come as `bigint`, other numbers as
 * `number` (see `json.js`).
 * @param {string | number | bigint} value
 * @param {readonly WaitFormat[]} formats
 * @returns {Wait | null}
 */
export function bodyWait(value, formats) {
  if (typeof value === "string") return parse(value, formats);
  if (value < 0) return null;
  for (const format of formats) {
    if (format === "delay_seconds") {
      return delay(typeof value === "number" ? saturating(value) : Math.min(Number(value), MAX_SECONDS));
    }
    if (format === "delay_milliseconds") return delay(saturating(Number(value) / 1000));
    // Only a whole number within 64 bits, as Rust's `as_u64` gives one; else the next format.
    if ((format === "epoch_seconds" || format === "epoch_milliseconds") && typeof value === "bigint") {
      return parseOne(value.toString(), format);
    }
  }
  return null;
}

/** @param {number} seconds */
function saturating(seconds) {
  return Number.isFinite(seconds) && seconds < MAX_SECONDS ? seconds : MAX_SECONDS;
}

/** @param {string} value @returns {bigint | null} */
function digits(value) {
  return isDigits(value) ? BigInt(value) : null;
}

/** @param {bigint} number */
function atMostU64(number) {
  return Number(number < U64_MAX ? number : U64_MAX);
}

/**
 * @param {string} value
 * @param {WaitFormat} format
 * @returns {Wait | null}
 */
function parseOne(value, format) {
  switch (format) {
    case "delay_seconds":
    case "delay_milliseconds":
    case "epoch_seconds":
    case "epoch_milliseconds": {
      const number = digits(value);
      if (number !== null) {
        return ofNumber(format === "delay_seconds" ? Math.min(atMostU64(number), MAX_SECONDS) : atMostU64(number), format);
      }
      // (Seconds only may have a fraction: milliseconds are whole counts.)
      const seconds = format === "delay_seconds" || format === "epoch_seconds";
      const amount = seconds ? fraction(value) : null;
      return amount === null ? null : ofNumber(amount, format);
    }
    case "http_date":
      return httpDate(value);
    case "iso8601":
      return rfc3339(value);
    case "duration":
      return duration(value);
    default:
      return null;
  }
}

/**
 * ASCII digits, a point and ASCII digits (`1.5`): servers write waits in seconds so where RFC
 * 9110 counts whole ones, and the runtime reads them.
 * @param {string} value
 * @returns {number | null}
 */
function fraction(value) {
  const point = value.indexOf(".");
  if (point < 0) return null;
  const [whole, part] = [value.slice(0, point), value.slice(point + 1)];
  if (!isDigits(whole) || !isDigits(part)) return null;
  return saturating(Number(value));
}

/**
 * A number of one of the formats of numbers, as a wait.
 * @param {number} number
 * @param {WaitFormat} format
 * @returns {Wait}
 */
function ofNumber(number, format) {
  switch (format) {
    case "delay_seconds":
      return delay(number);
    case "delay_milliseconds":
      return delay(number / 1000);
    case "epoch_seconds":
      return at(number);
    default:
      return at(number / 1000);
  }
}

/** @type {Record<string, number>} */
const UNITS = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, "\u00b5s": 1e-6, ns: 1e-9 };

/**
 * `1m30s`, `1.5s`, `200ms`: numbers each followed by a unit.
 * @param {string} value
 * @returns {Wait | null}
 */
function duration(value) {
  if (value === "") return null;
  let total = 0;
  for (const [, number = "", unit = ""] of value.matchAll(/([0-9.]*)([^0-9.]*)/g)) {
    if (number === "" && unit === "") continue;
    const scale = Object.hasOwn(UNITS, unit) ? UNITS[unit] : undefined;
    // Rust's `f64` parse reads `1.` and `.5`, not `.` or `1.2.3` (and never `1e3`, `inf`
    // or `nan`, which the number's characters, digits and dots, already rule out).
    if (scale === undefined || !/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/.test(number)) return null;
    total = Math.min(total + saturating(Number(number) * scale), MAX_SECONDS);
  }
  return delay(total);
}

/**
 * @param {string} text
 * @param {number} length
 * @returns {number | null}
 */
function fixedNumber(text, length) {
  return text.length === length && isDigits(text) ? Number(text) : null;
}

/** @param {number} year @param {number} month @param {number} day */
function daysFromCivil(year, month, day) {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** @param {number} year @param {number} month */
function daysInMonth(year, month) {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * `text` split at the first `limit - 1` occurrences of `separator` (Python's `split` with a
 * limit; JavaScript's drops the rest instead).
 * @param {string} text
 * @param {string} separator
 * @param {number} limit
 */
function splitAtMost(text, separator, limit) {
  const parts = text.split(separator);
  return parts.length <= limit ? parts : [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(separator)];
}

/**
 * `2024-12-01T09:00:00Z`, with an offset or a fraction (dropped), as the runtime reads it.
 * @param {string} value
 * @returns {Wait | null}
 */
function rfc3339(value) {
  const split = value.search(/[Tt ]/);
  if (split < 0) return null;
  const date = value.slice(0, split);
  const rest = value.slice(split + 1);
  const parts = splitAtMost(date, "-", 3);
  if (parts.length !== 3) return null;
  const year = fixedNumber(parts[0] ?? "", 4);
  const month = fixedNumber(parts[1] ?? "", 2);
  const day = fixedNumber(parts[2] ?? "", 2);
  if (year === null || month === null || day === null) return null;
  let time;
  let offset;
  if (rest.endsWith("Z") || rest.endsWith("z")) {
    time = rest.slice(0, -1);
    offset = 0;
  } else {
    const sign = Math.max(rest.lastIndexOf("+"), rest.lastIndexOf("-"));
    if (sign < 0) return null;
    time = rest.slice(0, sign);
    const [hours = "", minutes] = splitAtMost(rest.slice(sign + 1), ":", 2);
    const h = fixedNumber(hours, 2);
    const m = minutes === undefined ? null : fixedNumber(minutes, 2);
    if (h === null || m === null) return null;
    offset = (rest[sign] === "-" ? -1 : 1) * (h * 60 + m) * 60;
  }
  const [whole = "", fraction] = splitAtMost(time, ".", 2);
  if (fraction !== undefined && !isDigits(fraction)) return null;
  const clock = splitAtMost(whole, ":", 3);
  if (clock.length !== 3) return null;
  const [hour, minute, second] = clock.map((part) => fixedNumber(part, 2));
  if (hour == null || minute == null || second == null) return null;
  if (month < 1 || month > 12 || day === 0 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second - offset;
  return seconds >= 0 && seconds < 2 ** 64 ? at(seconds) : null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONG_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** @typedef {[year: number, month: number, day: number, hour: number, minute: number, second: number, weekday: number]} Fields */

/**
 * RFC 9110's three forms (IMF-fixdate, RFC 850, asctime), GMT only, weekday checked.
 * @param {string} value
 * @returns {Wait | null}
 */
function httpDate(value) {
  if (!/^[\x00-\x7f]*$/.test(value)) return null;
  const s = value.replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, "");
  const fields = imfFixdate(s) ?? rfc850(s) ?? asctime(s);
  if (fields === null) return null;
  const [year, month, day, hour, minute, second, weekday] = fields;
  if (!(second < 60 && minute < 60 && hour < 24 && day > 0 && day < 32 && year >= 1970 && year <= 9999)) return null;
  if (day > daysInMonth(year, month)) return null;
  const days = daysFromCivil(year, month, day);
  // 1970-01-01 was a Thursday (3, counting Monday as 0).
  if ((days + 3) % 7 !== weekday) return null;
  return at(days * 86_400 + hour * 3_600 + minute * 60 + second);
}

/** @param {string} text @returns {[number, number, number] | null} */
function clockOf(text) {
  if (text.length !== 8 || text[2] !== ":" || text[5] !== ":") return null;
  const hour = fixedNumber(text.slice(0, 2), 2);
  const minute = fixedNumber(text.slice(3, 5), 2);
  const second = fixedNumber(text.slice(6, 8), 2);
  return hour === null || minute === null || second === null ? null : [hour, minute, second];
}

/** `Sun, 06 Nov 1994 08:49:37 GMT` @param {string} s @returns {Fields | null} */
function imfFixdate(s) {
  if (s.length !== 29 || s.slice(25) !== " GMT" || s[16] !== " " || s.slice(3, 5) !== ", " || s[7] !== " " || s[11] !== " ") {
    return null;
  }
  const clock = clockOf(s.slice(17, 25));
  const day = fixedNumber(s.slice(5, 7), 2);
  const year = s.slice(12, 16);
  const weekday = DAYS.indexOf(s.slice(0, 3));
  const month = MONTHS.indexOf(s.slice(8, 11));
  if (clock === null || day === null || weekday < 0 || month < 0 || !isDigits(year)) return null;
  return [Number(year), month + 1, day, ...clock, weekday];
}

/** `Sunday, 06-Nov-94 08:49:37 GMT` @param {string} s @returns {Fields | null} */
function rfc850(s) {
  if (s.length < 23) return null;
  const weekday = LONG_DAYS.findIndex((name) => s.startsWith(`${name}, `));
  if (weekday < 0) return null;
  const rest = s.slice((LONG_DAYS[weekday] ?? "").length + 2);
  if (rest.length !== 22 || rest.slice(18) !== " GMT" || rest[2] !== "-" || rest[6] !== "-" || rest[9] !== " ") return null;
  const clock = clockOf(rest.slice(10, 18));
  const day = fixedNumber(rest.slice(0, 2), 2);
  const shortYear = fixedNumber(rest.slice(7, 9), 2);
  const month = MONTHS.indexOf(rest.slice(3, 6));
  if (clock === null || day === null || shortYear === null || month < 0) return null;
  return [shortYear + (shortYear < 70 ? 2000 : 1900), month + 1, day, ...clock, weekday];
}

/** `Sun Nov  6 08:49:37 1994` @param {string} s @returns {Fields | null} */
function asctime(s) {
  if (s.length !== 24 || s[3] !== " " || s[7] !== " " || s[10] !== " " || s[19] !== " ") return null;
  const clock = clockOf(s.slice(11, 19));
  const year = s.slice(20, 24);
  const day = s[8] !== " " ? fixedNumber(s.slice(8, 10), 2) : fixedNumber(s.slice(9, 10), 1);
  const weekday = DAYS.indexOf(s.slice(0, 3));
  const month = MONTHS.indexOf(s.slice(4, 7));
  if (clock === null || day === null || weekday < 0 || month < 0 || !isDigits(year)) return null;
  return [Number(year), month + 1, day, ...clock, weekday];
}
