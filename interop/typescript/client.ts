// A TypeScript client written against the types json-schema-to-typescript generates from the
// catalog's schemas (build/types, made by generate.mjs). `tsc --strict` must accept it, and must
// reject each line marked @ts-expect-error: the types are precise, not `any`.
import type * as OFAuth from "./build/types/ofauth";
import type * as Fanfare from "./build/types/fanfare";
import type * as FanfareStatus from "./build/types/fanfare.status";

type Advice = "relink" | "verify" | "retry" | "fix-request" | "contact-support";

// A Record over the documented values is exhaustive: when the catalog documents a new error
// type, this stops compiling until the client decides what to do with it.
const OFAUTH_ADVICE: Record<OFAuth.KnownErrorType, Advice> = {
  UNAUTHORIZED: "fix-request",
  SESSION_NOT_PROVIDED: "relink",
  SESSION_EXPIRED: "relink",
  FORBIDDEN: "fix-request",
  RULES_OUTDATED: "retry",
  BAD_REQUEST: "fix-request",
  RESOURCE_NOT_FOUND: "fix-request",
  ROUTE_NOT_FOUND: "fix-request",
  RATE_LIMIT_EXCEEDED: "retry",
  UPLOAD_ERROR: "contact-support",
  UNKNOWN_ERROR: "retry",
  PROXY_ERROR: "retry",
  NETWORK_ERROR: "retry",
};

function isKnownErrorType(type: OFAuth.ErrorType): type is OFAuth.KnownErrorType {
  return Object.hasOwn(OFAUTH_ADVICE, type);
}

export function ofauthAdvice(body: OFAuth.ErrorResponse): Advice {
  if (body.actionRequired === "relink_connection") return "relink";
  if (body.actionRequired === "verify_identity") return "verify";
  // The type is open: a value added after this client was written is still a string.
  return isKnownErrorType(body.type) ? OFAUTH_ADVICE[body.type] : "contact-support";
}

function assertNever(value: never): never {
  throw new Error(`unhandled value ${String(value)}`);
}

export function fanfareStatusAdvice(status: FanfareStatus.KnownHttpStatus): Advice | undefined {
  switch (status) {
    case 200:
    case 201:
    case 204:
      return undefined;
    case 400:
    case 403:
    case 404:
    case 409:
    case 413:
      return "fix-request";
    case 401:
      return "relink";
    case 423:
    case 429:
    case 500:
    case 503:
      return "retry";
    default:
      return assertNever(status);
  }
}

// Fanfare has two body formats; the union narrows on their keys.
export function describeFanfare(body: Fanfare.ErrorResponse): string {
  if ("denyReason" in body) {
    return `order of ${body.consumerId} ${body.status}: ${body.denyReason}`;
  }
  const fields = body.details?.map((detail) => `${detail.field}: ${detail.message}`) ?? [];
  const support = body.support ? ` (support reference ${body.support.referenceCode})` : "";
  const wait = body.retryAfter !== undefined ? ` (retry in ${body.retryAfter}s)` : "";
  return [body.message ?? body.error, ...fields].join("; ") + support + wait;
}

export const knownMessage: Fanfare.ErrorCode = "Queue is full";
export const laterMessage: Fanfare.ErrorCode = "A message added after this catalog";

// @ts-expect-error requestId is required
export const missingRequestId: OFAuth.ErrorBody = { error: "x", type: "FORBIDDEN" };
// @ts-expect-error type is a string, not a status code
export const numericType: OFAuth.ErrorBody = { error: "x", type: 403, requestId: "r" };
// @ts-expect-error 418 is not a status the Fanfare documentation lists
export const teapot: FanfareStatus.KnownHttpStatus = 418;
// @ts-expect-error not one of the documented action hints
export const unknownHint: OFAuth.KnownActionHint = "reboot";
// @ts-expect-error an undocumented key (the types have no index signature)
export const extraKey: Fanfare.FieldError = { field: "email", message: "Invalid", code: 1 };
// @ts-expect-error retryAfter is a number of seconds
export const textualDelay: Fanfare.ErrorBody = { error: "Rate limit exceeded", retryAfter: "60" };
