/** Stable machine-readable error codes and the HTTP status each maps to. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof errorStatus;

/** One failing field: `path` is the dotted path inside the body/query ("contacts.0.phone"). */
export type ErrorDetail = { path: string; code: string; message: string };

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details: ErrorDetail[] | Record<string, unknown> | null; requestId: string };
};
