// Text compared as the Rust runtime compares it, where JavaScript's string methods differ.

// The characters Rust's `str::trim` removes (Unicode's White_Space). JavaScript's `trim` removes
// U+FEFF too and keeps U+0085, which Rust removes.
const WHITE_SPACE = new Set(
  "\t\n\v\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000",
);

/**
 * `text` without the white space Rust's `str::trim` removes at either end.
 * @param {string} text
 * @returns {string}
 */
export function rustTrim(text) {
  let start = 0;
  let end = text.length;
  while (start < end && WHITE_SPACE.has(text[start] ?? "")) start += 1;
  while (end > start && WHITE_SPACE.has(text[end - 1] ?? "")) end -= 1;
  return text.slice(start, end);
}

/**
 * `text` with ASCII letters in lower case and nothing else changed (`toLowerCase` also folds
 * letters such as the Kelvin sign into ASCII ones, which Rust's comparisons do not).
 * @param {string} text
 * @returns {string}
 */
export function asciiLower(text) {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/**
 * Is `text` one or more ASCII digits?
 * @param {string} text
 * @returns {boolean}
 */
export function isDigits(text) {
  return /^[0-9]+$/.test(text);
}
