/**
 * The team key and what it seals. AES-256-GCM from node:crypto, a fresh 96-bit nonce per record; the associated data
 * binds a record to its team and clock, so the hub cannot move a record to another team or replay it under another
 * clock. A team key comes from an invitation key file (32 random bytes, base64) or from a passphrase through scrypt
 * (memory-hard: N = 2^17, r = 8, 128 MiB), salted with the team id.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { localError } from '../../contract/i18n/format';

const KEY_FILE_HEADER = 'comparanda-team-key v1';
const NONCE = 12;
const TAG = 16;
/** The version byte of every sealed value: a future scheme is told apart, never misread. */
const VERSION = 1;

export function newTeamKey(): Buffer {
  return crypto.randomBytes(32);
}

export function keyFromPassphrase(passphrase: string, teamId: string): Buffer {
  if (passphrase.length < 12) throw localError('VALIDATION_FAILED', 'errorsTeam.passphraseShort');
  return crypto.scryptSync(passphrase.normalize('NFC'), `comparanda-team:${teamId}`, 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
}

/** Writes an invitation key file readable only by its owner; never replaces an existing file. */
export function writeKeyFile(file: string, teamId: string, key: Buffer): void {
  const text = `${KEY_FILE_HEADER}\nteam ${teamId}\nkey ${key.toString('base64')}\n`;
  try {
    fs.writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw localError('FILE_EXISTS', 'errorsTeam.keyFileExists', { file });
    throw error;
  }
}

export function readKeyFile(file: string): { teamId: string; key: Buffer } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw localError('FILE_NOT_FOUND', 'errorsTeam.keyFileUnreadable', { file });
  }
  const lines = text.split(/\r?\n/);
  const team = /^team (\S+)$/.exec(lines[1] ?? '');
  const key = /^key (\S+)$/.exec(lines[2] ?? '');
  const bytes = key ? Buffer.from(key[1]!, 'base64') : Buffer.alloc(0);
  if (lines[0] !== KEY_FILE_HEADER || !team || bytes.length !== 32) {
    throw localError('VALIDATION_FAILED', 'errorsTeam.notKeyFile', { file });
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
    throw localError('CONFLICT', 'errorsTeam.changeFormatUnknown');
  }
  const decipher = crypto.createDecipheriv('aes-256-gcm', subkey(key, 'records'), sealed.subarray(1, 1 + NONCE));
  decipher.setAAD(Buffer.from(associated, 'utf8'));
  decipher.setAuthTag(sealed.subarray(1 + NONCE, 1 + NONCE + TAG));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE + TAG)), decipher.final()]);
  } catch (error) {
    throw localError('CONFLICT', 'errorsTeam.changeUndecryptable', undefined, { cause: error });
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
