// Whether a JSON body is one of an API's documented formats, as the Rust crate's typed decoder
// decides it, from the `body` section of the recovery data (`codegen/src/render/decoding.rs`
// writes it): members typed as the catalog types them, open vocabularies, tagged unions, the
// formats read in one pass or in turn, a list of the one format, and plain text. The generated declarations
// type the body it lets through (`ApiError.body`); a schema validator would take `20429.0` for an
// integer, which serde does not.

/**
 * @typedef {import("./json.js").JsonValue} JsonValue
 * @typedef {"string" | "integer" | "number" | "boolean" | "any" | {object: string} | {union: string} | {array: MemberType} | {map: MemberType}} MemberType
 * @typedef {{key: string, type: MemberType, required: boolean, nullable: boolean}} MemberData
 * @typedef {object} BodyFormats the recovery data's `body`
 * @property {"one_pass" | "in_turn" | "list"} decoding
 * @property {string[]} formats
 * @property {string} [text] the format of a body that is no JSON object, where the API sends plain text
 * @property {Record<string, {fields: MemberData[], extensible: boolean, text?: MemberType}>} shapes
 * @property {Record<string, {tag: string, variants: Record<string, string>}>} unions
 */

const I64_MIN = -(2n ** 63n);
const I64_END = 2n ** 63n;

class Unfit extends Error {}

/**
 * Why `body` (as `json.js` reads it) is none of the documented formats, or null when it is one.
 * @param {JsonValue} body
 * @param {BodyFormats} data
 * @returns {string | null}
 */
export function unfit(body, data) {
  try {
    if (data.decoding === "one_pass") onePass(body, data);
    else if (data.decoding === "list") list(body, data.formats[0], data);
    else inTurn(body, data);
  } catch (error) {
    if (error instanceof Unfit) return error.message;
    throw error;
  }
  return null;
}

/** @param {JsonValue} body @param {BodyFormats} data */
function inTurn(body, data) {
  /** @type {string[]} */
  const reasons = [];
  for (const name of data.formats) {
    try {
      shape(body, name, data, name);
      return;
    } catch (error) {
      if (!(error instanceof Unfit)) throw error;
      reasons.push(error.message);
    }
  }
  throw new Unfit(reasons.length === 1 ? reasons.join("") : `no format of the error body fits: ${reasons.join("; ")}`);
}

/**
 * A body that is a list of errors: every element of the one format.
 * @param {JsonValue} body @param {string} name @param {BodyFormats} data
 */
function list(body, name, data) {
  if (!Array.isArray(body)) throw new Unfit(`expected an array of ${name}, found ${kindOf(body)}`);
  body.forEach((element, index) => shape(element, name, data, `[${index}]`));
}

/** @param {JsonValue} body @param {BodyFormats} data */
function onePass(body, data) {
  if (!isObject(body)) throw new Unfit(`expected an object, found ${kindOf(body)}`);
  // Every member any format declares, read once: `null` or of the type its formats give it.
  for (const name of data.formats) {
    for (const field of shapeData(data, name).fields) {
      const member = body[field.key];
      if (Object.hasOwn(body, field.key) && member !== null && member !== undefined) value(member, field.type, data, field.key);
    }
  }
  for (const name of data.formats) {
    if (shapeData(data, name).fields.filter(mustBePresent).every((field) => present(body, field))) return;
  }
  const needs = data.formats.map(
    (name) => `${name} needs ${shapeData(data, name).fields.filter(mustBePresent).map((f) => f.key).join(", ")}`,
  );
  throw new Unfit(`no format of the error body fits: ${needs.join("; ")}`);
}

/** @param {BodyFormats} data @param {string} name */
function shapeData(data, name) {
  const found = data.shapes[name];
  if (found === undefined) throw new Unfit(`the data names no shape ${name}`);
  return found;
}

/**
 * A required member that may be `null` may also be absent, as serde's derive reads it.
 * @param {MemberData} field
 */
function mustBePresent(field) {
  return field.required && !(field.nullable && field.type !== "any");
}

/** @param {{[key: string]: JsonValue}} body @param {MemberData} field */
function present(body, field) {
  return Object.hasOwn(body, field.key) && (body[field.key] !== null || field.type === "any");
}

/**
 * @param {JsonValue} found
 * @param {string} name
 * @param {BodyFormats} data
 * @param {string} where
 */
function shape(found, name, data, where) {
  if (shapeData(data, name).text !== undefined) {
    // A plain-text body, as the JSON string of its text: any text is one (vocabularies are open).
    if (typeof found !== "string") throw new Unfit(`expected the text of ${name}, found ${kindOf(found)}`);
    return;
  }
  if (!isObject(found)) throw new Unfit(`\`${where}\`: expected an object (${name}), found ${kindOf(found)}`);
  for (const field of shapeData(data, name).fields) {
    const at = where === name ? field.key : `${where}.${field.key}`;
    const member = found[field.key];
    if (!Object.hasOwn(found, field.key) || member === undefined) {
      if (mustBePresent(field)) throw new Unfit(`${name}: missing field \`${field.key}\``);
    } else if (member === null) {
      // `null` is a value of an optional member, and of one that may be `null`.
      if (field.required && !field.nullable && field.type !== "any") {
        throw new Unfit(`\`${at}\`: expected ${expected(field.type)}, found null`);
      }
    } else {
      value(member, field.type, data, at);
    }
  }
}

/**
 * @param {JsonValue} found
 * @param {MemberType} type
 * @param {BodyFormats} data
 * @param {string} where
 */
function value(found, type, data, where) {
  if (typeof type === "string") {
    if (!scalarFits(found, type)) throw new Unfit(`\`${where}\`: expected ${type}, found ${kindOf(found)}`);
  } else if ("object" in type) {
    shape(found, type.object, data, where);
  } else if ("union" in type) {
    const union = data.unions[type.union];
    if (union === undefined) throw new Unfit(`the data names no union ${type.union}`);
    if (!isObject(found)) throw new Unfit(`\`${where}\`: expected an object with a \`${union.tag}\` member, found ${kindOf(found)}`);
    const tag = found[union.tag];
    // An object of a tag the catalog does not list is kept as it came.
    if (typeof tag === "string" && Object.hasOwn(union.variants, tag)) {
      shape(found, /** @type {string} */ (union.variants[tag]), data, where);
    }
  } else if ("array" in type) {
    if (!Array.isArray(found)) throw new Unfit(`\`${where}\`: expected an array, found ${kindOf(found)}`);
    found.forEach((element, index) => value(element, type.array, data, `${where}[${index}]`));
  } else {
    if (!isObject(found)) throw new Unfit(`\`${where}\`: expected an object, found ${kindOf(found)}`);
    for (const [key, member] of Object.entries(found)) value(member, type.map, data, `${where}.${key}`);
  }
}

/**
 * @param {JsonValue} found
 * @param {"string" | "integer" | "number" | "boolean" | "any"} type
 */
function scalarFits(found, type) {
  switch (type) {
    case "any":
      return true;
    case "string":
      return typeof found === "string";
    case "boolean":
      return typeof found === "boolean";
    case "integer":
      // An `i64`: a whole number written without a fraction or exponent, within 64 bits.
      return typeof found === "bigint" && found >= I64_MIN && found < I64_END;
    default:
      return typeof found === "bigint" || typeof found === "number";
  }
}

/** @param {MemberType} type */
function expected(type) {
  return typeof type === "string" ? type : Object.keys(type).join("");
}

/**
 * @param {JsonValue} found
 * @returns {found is {[key: string]: JsonValue}}
 */
function isObject(found) {
  return found !== null && typeof found === "object" && !Array.isArray(found);
}

/** @param {JsonValue} found */
function kindOf(found) {
  if (found === null) return "null";
  if (Array.isArray(found)) return "an array";
  switch (typeof found) {
    case "boolean":
      return "a boolean";
    case "string":
      return "a string";
    case "object":
      return "an object";
    default:
      return "a number";
  }
}
