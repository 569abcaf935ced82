/**
 * Reading a .qdpx (a ZIP archive) defensively: the central directory is read first and every entry is checked before
 * anything is inflated — names that would leave the archive's folder, encryption, and the sizes the archive declares
 * (in total, per entry and as a compression ratio). Entries are then inflated one at a time, only when needed, with
 * fflate's streaming inflater, counting what comes out: an entry that inflates to more than it declared is refused
 * as soon as it does, before it is inflated in full. Nothing is ever written to disk.
 */
import { Inflate } from 'fflate';
import zlib from 'node:zlib';
import { ImportError } from '../documents/import-error';

export interface ArchiveLimits {
  /** The .qdpx file itself. Default 1 GiB. */
  maxArchiveBytes: number;
  /** All entries together, uncompressed (declared, and as actually inflated). Default 1 GiB. */
  maxTotalBytes: number;
  /** Uncompressed : compressed, for entries larger than `ratioFloorBytes`. Default 100. */
  maxRatio: number;
  /** Entries smaller than this are not held to `maxRatio` (tiny files compress absurdly well). Default 1 MiB. */
  ratioFloorBytes: number;
  /** One source file (text, PDF, Word) or one inline text. Default 200 MB, as for documents imported one by one. */
  maxSourceBytes: number;
  /** project.qde. Default 256 MiB. */
  maxXmlBytes: number;
  /** Number of entries. Default 100 000. */
  maxEntries: number;
}

export const DEFAULT_LIMITS: ArchiveLimits = {
  maxArchiveBytes: 1024 ** 3,
  maxTotalBytes: 1024 ** 3,
  maxRatio: 100,
  ratioFloorBytes: 1024 ** 2,
  maxSourceBytes: 200 * 1024 * 1024,
  maxXmlBytes: 256 * 1024 ** 2,
  maxEntries: 100_000,
};

export interface ArchiveEntry {
  /** As stored (forward slashes). */
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CHUNK = 16 * 1024;

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Splits a path inside the archive into its segments, or null when it is absolute or climbs out with "..". */
export function safeSegments(name: string): string[] | null {
  const unified = name.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[a-zA-Z]:/.test(unified)) return null;
  const segments = unified.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  return segments;
}

export class Archive {
  private readonly byKey = new Map<string, ArchiveEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    /** The archive's name, for messages. */
    readonly fileName: string,
    readonly limits: ArchiveLimits,
    readonly entries: ArchiveEntry[],
  ) {
    for (const entry of entries) this.byKey.set(Archive.key(entry.name), entry);
  }

  /** Entries are looked up without regard to case ("Sources/" and "sources/", "Project.qde" and "project.qde"). */
  static key(name: string): string {
    return (safeSegments(name) ?? []).join('/').toLowerCase();
  }

  find(name: string): ArchiveEntry | undefined {
    return this.byKey.get(Archive.key(name));
  }

  /** Inflates one entry, refusing it as soon as it grows past what it declared or past the total limit. */
  read(entry: ArchiveEntry, what: string = entry.name): Uint8Array {
    const raw = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (raw.length < entry.compressedSize) throw damaged(this.fileName, `${entry.name} is cut short`);
    let data: Uint8Array;
    if (entry.method === 0) {
      data = raw.slice();
    } else if (entry.method === 8) {
      const parts: Uint8Array[] = [];
      let produced = 0;
      const inflater = new Inflate((chunk) => {
        produced += chunk.length;
        if (produced > entry.size) {
          throw new ImportError(
            'too-large',
            this.fileName,
            `"${this.fileName}" was refused: ${what} declares ${formatBytes(entry.size)} but inflates to more (a "ZIP bomb"). Nothing was imported.`,
          );
        }
        if (this.inflated + produced > this.limits.maxTotalBytes) throw tooLargeTotal(this.fileName, this.limits.maxTotalBytes);
        parts.push(chunk);
      });
      try {
        if (raw.length === 0) inflater.push(new Uint8Array(0), true);
        for (let at = 0; at < raw.length; at += CHUNK) inflater.push(raw.subarray(at, at + CHUNK), at + CHUNK >= raw.length);
      } catch (error) {
        if (error instanceof ImportError) throw error;
        throw damaged(this.fileName, `${entry.name} cannot be decompressed (${(error as Error).message})`);
      }
      data = new Uint8Array(produced);
      let offset = 0;
      for (const part of parts) {
        data.set(part, offset);
        offset += part.length;
      }
    } else {
      throw damaged(this.fileName, `${entry.name} uses a compression method (${entry.method}) that Comparanda cannot read`);
    }
    if (data.length !== entry.size) throw damaged(this.fileName, `${entry.name} is ${formatBytes(data.length)} but declares ${formatBytes(entry.size)}`);
    if (zlib.crc32(data) >>> 0 !== entry.crc >>> 0) throw damaged(this.fileName, `${entry.name} fails its checksum`);
    this.inflated += data.length;
    return data;
  }
}

function damaged(fileName: string, detail: string): ImportError {
  return new ImportError('corrupt', fileName, `"${fileName}" is a damaged archive: ${detail}. Export it again from the program that made it.`);
}

function tooLargeTotal(fileName: string, limit: number): ImportError {
  return new ImportError(
    'too-large',
    fileName,
    `"${fileName}" was refused: its contents come to more than ${formatBytes(limit)} uncompressed, more than Comparanda imports at once. Nothing was imported.`,
  );
}

/** True when the bytes begin like a ZIP archive (local file header or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** Reads and checks the central directory. Throws ImportError for a damaged archive, a bomb or an escaping path. */
export function openArchive(bytes: Uint8Array, fileName: string, limits: ArchiveLimits = DEFAULT_LIMITS): Archive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportError('corrupt', fileName, `"${fileName}" is not a REFI-QDA project: it is not a ZIP archive (or it is damaged).`);
  const count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new ImportError('too-large', fileName, `"${fileName}" is a ZIP64 archive (over 4 GB or 65 535 files), larger than Comparanda imports.`);
  }
  if (count > limits.maxEntries) throw new ImportError('too-large', fileName, `"${fileName}" holds ${count} files, more than Comparanda imports (${limits.maxEntries}).`);
  const decoder = new TextDecoder('utf-8');
  const entries: ArchiveEntry[] = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || u32(offset) !== CENTRAL) throw damaged(fileName, 'its table of contents is broken');
    const flags = u16(offset + 8);
    const method = u16(offset + 10);
    const crc = u32(offset + 16);
    const compressedSize = u32(offset + 20);
    const size = u32(offset + 24);
    const nameLength = u16(offset + 28);
    const extraLength = u16(offset + 30);
    const commentLength = u16(offset + 32);
    const localOffset = u32(offset + 42);
    const name = decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;

    if (safeSegments(name) === null) {
      throw new ImportError('corrupt', fileName, `"${fileName}" was refused: it holds a file named "${name}", which would lie outside the project's folder. Nothing was imported.`);
    }
    if (name.endsWith('/') || name.endsWith('\\')) continue;
    if (flags & 1) throw new ImportError('encrypted', fileName, `"${fileName}" is encrypted (${name}); export it again without a password.`);
    if (size === 0xffffffff || compressedSize === 0xffffffff) {
      throw new ImportError('too-large', fileName, `"${fileName}" was refused: ${name} is over 4 GB. Nothing was imported.`);
    }
    total += size;
    if (total > limits.maxTotalBytes) throw tooLargeTotal(fileName, limits.maxTotalBytes);
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.maxRatio) {
      throw new ImportError(
        'too-large',
        fileName,
        `"${fileName}" was refused: ${name} would inflate from ${formatBytes(compressedSize)} to ${formatBytes(size)} (more than ${limits.maxRatio} times), as a "ZIP bomb" does. Nothing was imported.`,
      );
    }
    if (localOffset + 30 > bytes.length || u32(localOffset) !== LOCAL) throw damaged(fileName, `the entry ${name} is missing`);
    const dataOffset = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    entries.push({ name: name.replace(/\\/g, '/'), method, compressedSize, size, crc, dataOffset });
  }
  return new Archive(bytes, fileName, limits, entries);
}
