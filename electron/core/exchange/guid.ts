/**
 * REFI-QDA GUIDs. Comparanda's ids are UUIDs, so they are used as GUIDs as they are; a GUID read from a file becomes
 * an id in its normal form (lower case, no braces), so that importing the same file again finds what it made.
 */
import crypto from 'node:crypto';

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** The id form of a GUID ("{AD68FBE7-…}" → "ad68fbe7-…"), or null when the text is not a GUID. */
export function normaliseGuid(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const match = GUID.exec(raw.trim());
  return match ? match[1]!.toLowerCase() : null;
}

// A fixed namespace for the ids Comparanda derives (RFC 4122 name-based, SHA-1, version 5).
const NAMESPACE = Buffer.from('6f1c2a0e5b7d4c3e9a8f0d1e2c3b4a59', 'hex');

/**
 * A stable UUID for something that has no id of its own in Comparanda (the code of one stage of one norm, a note
 * that carries a cell, the document made from an imported source): the same parts always give the same GUID.
 */
export function derivedGuid(...parts: string[]): string {
  const hash = crypto.createHash('sha1').update(NAMESPACE).update(parts.join('\u0000')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The one user a Comparanda export names: the app itself (projects have no user accounts). */
export const COMPARANDA_USER_GUID = derivedGuid('user', 'Comparanda');
