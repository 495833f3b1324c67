// JSON read as strictly as the Rust runtime reads it (serde_json), which `JSON.parse` does not:
// it takes lone surrogates from `\ud800` escapes and any depth of nesting, and it turns every
// number into a double, so an integer code past 2^53 loses digits and `60` cannot be told from
// `60.0`. Hence a small parser of its own rather than `JSON.parse`.

/** How deep JSON may nest before the Rust runtime's reader gives up (serde_json's limit). */
export const MAX_DEPTH = 127;

const MIN_INTEGER = -(2n ** 63n);
const INTEGER_END = 2n ** 64n;
const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

/**
 * A JSON value as this reader keeps it: integers within 64 bits as `bigint` (as serde_json keeps
 * them), every other number as a `number`.
 * @typedef {null | boolean | string | number | bigint | JsonValue[] | {[key: string]: JsonValue}} JsonValue
 */

/** Why a text is not JSON. */
export class JsonError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "JsonError";
  }
}

/**
 * The JSON value of `text`, as strictly as the Rust runtime reads it; throws `JsonError`.
 * @param {string} text
 * @returns {JsonValue}
 */
export function parseJson(text) {
  const parser = new Parser(text);
  parser.space();
  const value = parser.value(0);
  parser.space();
  if (parser.at < text.length) parser.fail("trailing characters");
  return value;
}

class Parser {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
    this.at = 0;
  }

  /** @param {string} what @returns {never} */
  fail(what) {
    throw new JsonError(`${what} at character ${this.at}`);
  }

  space() {
    const text = this.text;
    let at = this.at;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      at += 1;
    }
    this.at = at;
  }

  /** @param {string} word */
  literal(word) {
    if (!this.text.startsWith(word, this.at)) this.fail("expected value");
    this.at += word.length;
  }

  /** @param {number} depth @returns {JsonValue} */
  value(depth) {
    switch (this.text[this.at]) {
      case "{":
        return this.object(depth);
      case "[":
        return this.array(depth);
      case '"':
        return this.string();
      case "t":
        this.literal("true");
        return true;
      case "f":
        this.literal("false");
        return false;
      case "n":
        this.literal("null");
        return null;
      default:
        return this.number();
    }
  }

  /** @param {number} depth */
  enter(depth) {
    if (depth >= MAX_DEPTH) this.fail("recursion limit exceeded");
    this.at += 1;
    this.space();
  }

  /** @param {number} depth @returns {JsonValue} */
  object(depth) {
    this.enter(depth);
    /** @type {{[key: string]: JsonValue}} */
    const object = {};
    if (this.text[this.at] === "}") {
      this.at += 1;
      return object;
    }
    for (;;) {
      if (this.text[this.at] !== '"') this.fail("expected a key");
      const key = this.string();
      this.space();
      if (this.text[this.at] !== ":") this.fail("expected `:`");
      this.at += 1;
      this.space();
      // A repeated key keeps its last value, as serde_json does; `__proto__` is a key like any.
      Object.defineProperty(object, key, { value: this.value(depth + 1), writable: true, enumerable: true, configurable: true });
      this.space();
      const next = this.text[this.at];
      this.at += 1;
      if (next === "}") return object;
      if (next !== ",") this.fail("expected `,` or `}`");
      this.space();
    }
  }

  /** @param {number} depth @returns {JsonValue} */
  array(depth) {
    this.enter(depth);
    /** @type {JsonValue[]} */
    const array = [];
    if (this.text[this.at] === "]") {
      this.at += 1;
      return array;
    }
    for (;;) {
      array.push(this.value(depth + 1));
      this.space();
      const next = this.text[this.at];
      this.at += 1;
      if (next === "]") return array;
      if (next !== ",") this.fail("expected `,` or `]`");
      this.space();
    }
  }

  /** @returns {string} */
  string() {
    const text = this.text;
    let at = this.at + 1;
    let out = "";
    let start = at;
    for (;;) {
      const c = text.charCodeAt(at);
      if (Number.isNaN(c)) this.fail("unterminated string");
      if (c === 0x22) break;
      if (c < 0x20) {
        this.at = at;
        this.fail("control character in string");
      }
      if (c !== 0x5c) {
        at += 1;
        continue;
      }
      out += text.slice(start, at);
      const escape = text[at + 1];
      at += 2;
      switch (escape) {
        case '"':
        case "\\":
        case "/":
          out += escape;
          break;
        case "b":
          out += "\b";
          break;
        case "f":
          out += "\f";
          break;
        case "n":
          out += "\n";
          break;
        case "r":
          out += "\r";
          break;
        case "t":
          out += "\t";
          break;
        case "u": {
          const unit = this.hex(at);
          at += 4;
          if (unit >= 0xdc00 && unit <= 0xdfff) this.fail("lone surrogate in hex escape");
          if (unit >= 0xd800 && unit <= 0xdbff) {
            const low = text.startsWith("\\u", at) ? this.hex(at + 2) : -1;
            if (low < 0xdc00 || low > 0xdfff) this.fail("lone surrogate in hex escape");
            at += 6;
            out += String.fromCharCode(unit, low);
          } else {
            out += String.fromCharCode(unit);
          }
          break;
        }
        default:
          this.at = at - 2;
          this.fail("invalid escape");
      }
      start = at;
    }
    out += text.slice(start, at);
    this.at = at + 1;
    return out;
  }

  /** @param {number} at @returns {number} */
  hex(at) {
    const digits = this.text.slice(at, at + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) {
      this.at = at;
      this.fail("invalid escape");
    }
    return parseInt(digits, 16);
  }

  /** @returns {number | bigint} */
  number() {
    NUMBER.lastIndex = this.at;
    const found = NUMBER.exec(this.text);
    if (found === null) this.fail("expected value");
    const literal = found[0];
    this.at += literal.length;
    if (found[1] === undefined && found[2] === undefined) {
      // serde_json keeps integers within 64 bits and reads the others as a float.
      const integer = BigInt(literal);
      if (integer >= MIN_INTEGER && integer < INTEGER_END) return integer;
    }
    const number = Number(literal);
    if (!Number.isFinite(number)) this.fail("number out of range");
    return number;
  }
}

/**
 * `value` with the integers a JavaScript number holds exactly as numbers; larger ones stay
 * `bigint`, so that no digit is lost.
 * @param {JsonValue} value
 * @returns {unknown}
 */
export function plain(value) {
  if (typeof value === "bigint") {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    /** @type {{[key: string]: unknown}} */
    const object = {};
    for (const [key, member] of Object.entries(value)) {
      Object.defineProperty(object, key, { value: plain(member), writable: true, enumerable: true, configurable: true });
    }
    return object;
  }
  return value;
}
