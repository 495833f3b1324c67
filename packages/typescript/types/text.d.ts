/**
 * `text` without the white space Rust's `str::trim` removes at either end.
 * @param {string} text
 * @returns {string}
 */
export declare function rustTrim(text: string): string;
/**
 * `text` with ASCII letters in lower case and nothing else changed (`toLowerCase` also folds
 * letters such as the Kelvin sign into ASCII ones, which Rust's comparisons do not).
 * @param {string} text
 * @returns {string}
 */
export declare function asciiLower(text: string): string;
/**
 * Is `text` one or more ASCII digits?
 * @param {string} text
 * @returns {boolean}
 */
export declare function isDigits(text: string): boolean;
