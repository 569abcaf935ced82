/**
 * Error codes that cross the API boundary. Every failure reaches a client as `{ code, message }`,
 * where `message` is a sentence for the user: what happened and what to do.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  /** An output would contain a recorded identity of an interviewee: refused, nothing written. */
  'IDENTITY_IN_OUTPUT',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'NO_PROJECT_OPEN',
  'FILE_NOT_FOUND',
  'FILE_EXISTS',
  'NOT_SQLITE',
  'NOT_A_PROJECT',
  'PROJECT_FROM_NEWER_VERSION',
  'PROJECT_CORRUPT',
  'PROJECT_SCHEMA_ALTERED',
  'PASSPHRASE_REQUIRED',
  'PROJECT_IN_USE',
  'READ_ONLY',
  'DISK_FULL',
  'WRONG_PASSPHRASE',
  'PROJECT_UNREADABLE',
  'MIGRATION_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'UNSUPPORTED',
  /** A team hub cannot be reached (network, restart): nothing was lost, sync again later. */
  'HUB_UNAVAILABLE',
  /** The hub refused this member (never joined, removed, wrong key). */
  'NOT_A_MEMBER',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * A message from the interface catalogue (electron/contract/i18n) with its arguments: how an error reaches a client
 * that shows it in the user's language. `message` is the same text in English, for logs and older clients.
 */
export interface CatalogueText {
  id: string;
  values?: Record<string, TextValue>;
}

/**
 * An argument of a catalogue message: plain, or itself a message (a list of a CSV's bad rows, the places a name was
 * found), so that a sentence made of parts reads in one language from end to end. A list is joined with "; ".
 */
export type TextValue = string | number | CatalogueText | readonly CatalogueText[] | TextLines;

/** Parts one to a line (a CSV's bad rows), each a message or, where nothing better is known, a plain sentence. */
export interface TextLines {
  lines: readonly (CatalogueText | string)[];
}

/** A sentence for the user that is not an error (an export's warning): English, and its catalogue entry. */
export interface Notice {
  message: string;
  text?: CatalogueText;
}

export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  text?: CatalogueText;
}

/** What every transport returns for a call: a result or an error, never a thrown exception. */
export type Envelope<T = unknown> = { ok: true; result: T } | { ok: false; error: ErrorPayload };

/** The one error class for API failures, on both sides of every transport. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  /** The message as a catalogue entry, when it has one: clients show it in their language. */
  readonly text: CatalogueText | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; text?: CatalogueText | undefined }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.text = options?.text;
  }

  toPayload(): ErrorPayload {
    return this.text ? { code: this.code, message: this.message, text: this.text } : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
