export type JsonValue = import("./json.js").JsonValue;
export type MemberType = "string" | "integer" | "number" | "boolean" | "any" | {
    object: string;
} | {
    union: string;
} | {
    array: MemberType;
} | {
    map: MemberType;
};
export type MemberData = {
    key: string;
    type: MemberType;
    required: boolean;
    nullable: boolean;
};
export type BodyFormats = {
    decoding: "one_pass" | "in_turn" | "list";
    formats: string[];
    /**
     * the format of a body that is no JSON object, where the API sends plain text
     */
    text?: string;
    shapes: Record<string, {
        fields: MemberData[];
        extensible: boolean;
        text?: MemberType;
    }>;
    unions: Record<string, {
        tag: string;
        variants: Record<string, string>;
    }>;
};
/**
 * Why `body` (as `json.js` reads it) is none of the documented formats, or null when it is one.
 * @param {JsonValue} body
 * @param {BodyFormats} data
 * @returns {string | null}
 */
export declare function unfit(body: JsonValue, data: BodyFormats): string | null;
