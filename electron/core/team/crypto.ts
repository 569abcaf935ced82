/**
 * The team key and what it seals. AES-256-GCM from node:crypto, a fresh 96-bit nonce per record; the associated data
 * binds a record to its team and clock, so the hub cannot move a record to another team or replay it under another
 * clock. A team key comes from an invitation key file (32 random bytes, base64) or from a passphrase through scrypt
 * (memory-hard: N = 2^17, r = 8, 128 MiB), salted with the team id.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { ApiError } from '../../contract/errors';

const KEY_FILE_HEADER = 'comparanda-team-key v1';
const NONCE = 12;
const TAG = 16;
/** The version byte of every sealed value: a future scheme is told apart, never misread. */
const VERSION = 1;

export function newTeamKey(): Buffer {
  return crypto.randomBytes(32);
}

export function keyFromPassphrase(passphrase: string, teamId: string): Buffer {
  if (passphrase.length < 12) throw new ApiError('VALIDATION_FAILED', 'A team passphrase needs at least 12 characters. Choose a longer one.');
  return crypto.scryptSync(passphrase.normalize('NFC'), `comparanda-team:${teamId}`, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
}

/** Writes an invitation key file readable only by its owner; never replaces an existing file. */
export function writeKeyFile(file: string, teamId: string, key: Buffer): void {
  const text = `${KEY_FILE_HEADER}\nteam ${teamId}\nkey ${key.toString('base64')}\n`;
  try {
    fs.writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ApiError('FILE_EXISTS', `"${file}" already exists. Choose another name for the key file.`);
    throw error;
  }
}

export function readKeyFile(file: string): { teamId: string; key: Buffer } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ApiError('FILE_NOT_FOUND', `The key file "${file}" cannot be read. Check the path the team's invitation gave you.`);
  }
  const lines = text.split(/\r?\n/);
  const team = /^team (\S+)$/.exec(lines[1] ?? '');
  const key = /^key (\S+)$/.exec(lines[2] ?? '');
  const bytes = key ? Buffer.from(key[1]!, 'base64') : Buffer.alloc(0);
  if (lines[0] !== KEY_FILE_HEADER || !team || bytes.length !== 32) {
    throw new ApiError('VALIDATION_FAILED', `"${file}" is not a Comparanda team key file. Ask the team for its invitation key file again.`);
  }
  return { teamId: team[1]!, key: bytes };
}

/** Derived keys, by team key and purpose: derived once per process, not once per record. */
const subkeys = new Map<string, Buffer>();

function subkey(key: Buffer, purpose: string): Buffer {
  const id = `${key.toString('base64')}:${purpose}`;
  let derived = subkeys.get(id);
  if (!derived) {
    derived = Buffer.from(crypto.hkdfSync('sha256', key, Buffer.alloc(0), `comparanda ${purpose}`, 32));
    subkeys.set(id, derived);
  }
  return derived;
}

export function seal(key: Buffer, plaintext: Buffer, associated: string): Buffer {
  const nonce = crypto.randomBytes(NONCE);
  const cipher = crypto.createCipheriv('aes-256-gcm', subkey(key, 'records'), nonce);
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
}

export function open(key: Buffer, sealed: Buffer, associated: string): Buffer {
  if (sealed.length < 1 + NONCE + TAG || sealed[0] !== VERSION) {
    throw new ApiError('CONFLICT', 'A change on the hub is in a format this version of Comparanda does not read. Update Comparanda, then sync again.');
  }
  const decipher = crypto.createDecipheriv('aes-256-gcm', subkey(key, 'records'), sealed.subarray(1, 1 + NONCE));
  decipher.setAAD(Buffer.from(associated, 'utf8'));
  decipher.setAuthTag(sealed.subarray(1 + NONCE, 1 + NONCE + TAG));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE + TAG)), decipher.final()]);
  } catch (error) {
    throw new ApiError('CONFLICT', 'A change on the hub cannot be decrypted with this project\'s team key: the key is wrong or the record was altered. Nothing was applied.', { cause: error });
  }
}

/** A blob's address: keyed, so the hub cannot confirm that a team holds a document it knows. */
export function blobAddress(key: Buffer, bytes: Buffer): string {
  return crypto.createHmac('sha256', subkey(key, 'blob address')).update(bytes).digest('hex');
}

/** What a member shows the hub to join: derived from the key, from which the key cannot be recovered. */
export function joinVerifier(key: Buffer, teamId: string): string {
  return crypto.createHmac('sha256', subkey(key, 'join')).update(teamId).digest('hex');
}
