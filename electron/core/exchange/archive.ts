/**
 * Reading a .qdpx (a ZIP archive) defensively: the central directory is read first and every entry is checked before
 * anything is inflated — names that would leave the archive's folder, encryption, and the sizes the archive declares
 * (in total, per entry and as a compression ratio). Entries are then inflated one at a time, only when needed, with
 * fflate's streaming inflater, counting what comes out: an entry that inflates to more than it declared is refused
 * as soon as it does, before it is inflated in full. Nothing is ever written to disk.
 */
import { Inflate } from 'fflate';
import zlib from 'node:zlib';
import { type FileErrorId, ImportError, sizeArgs } from '../documents/import-error';

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

/** What an entry belongs to, for messages: a source or a note of the project, by the name it has there. */
export interface Subject {
  kind: 'source' | 'note';
  name: string;
}

/** The arguments `{whatKind}` and `{whatName}` of the messages that say what an entry is; none: the entry itself. */
export function subjectArgs(what: Subject | undefined): { whatKind: string; whatName: string } {
  return what ? { whatKind: what.kind, whatName: what.name } : { whatKind: 'entry', whatName: '' };
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
  read(entry: ArchiveEntry, what?: Subject): Uint8Array {
    const raw = this.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    if (raw.length < entry.compressedSize) throw damaged(this.fileName, 'errorsFiles.archiveEntryCut', { entry: entry.name });
    let data: Uint8Array;
    if (entry.method === 0) {
      data = raw.slice();
    } else if (entry.method === 8) {
      const parts: Uint8Array[] = [];
      let produced = 0;
      const inflater = new Inflate((chunk) => {
        produced += chunk.length;
        if (produced > entry.size) {
          throw new ImportError('too-large', this.fileName, 'errorsFiles.zipBombDeclared', {
            file: this.fileName,
            entry: entry.name,
            ...subjectArgs(what),
            ...sizeArgs('size', entry.size, 'archive'),
          });
        }
        if (this.inflated + produced > this.limits.maxTotalBytes) throw tooLargeTotal(this.fileName, this.limits.maxTotalBytes);
        parts.push(chunk);
      });
      try {
        if (raw.length === 0) inflater.push(new Uint8Array(0), true);
        for (let at = 0; at < raw.length; at += CHUNK) inflater.push(raw.subarray(at, at + CHUNK), at + CHUNK >= raw.length);
      } catch (error) {
        if (error instanceof ImportError) throw error;
        throw damaged(this.fileName, 'errorsFiles.archiveInflateFailed', { entry: entry.name, detail: (error as Error).message });
      }
      data = new Uint8Array(produced);
      let offset = 0;
      for (const part of parts) {
        data.set(part, offset);
        offset += part.length;
      }
    } else {
      throw damaged(this.fileName, 'errorsFiles.archiveMethod', { entry: entry.name, method: entry.method });
    }
    if (data.length !== entry.size) {
      throw damaged(this.fileName, 'errorsFiles.archiveSizeMismatch', { entry: entry.name, ...sizeArgs('size', data.length, 'archive'), ...sizeArgs('declared', entry.size, 'archive') });
    }
    if (zlib.crc32(data) >>> 0 !== entry.crc >>> 0) throw damaged(this.fileName, 'errorsFiles.archiveChecksum', { entry: entry.name });
    this.inflated += data.length;
    return data;
  }
}

type DamagedId = Extract<FileErrorId, `errorsFiles.archive${'ContentsBroken' | 'EntryMissing' | 'EntryCut' | 'InflateFailed' | 'Method' | 'SizeMismatch' | 'Checksum'}`>;

function damaged(fileName: string, id: DamagedId, values: Record<string, string | number> = {}): ImportError {
  return new ImportError('corrupt', fileName, id, { file: fileName, ...values });
}

function tooLargeTotal(fileName: string, limit: number): ImportError {
  return new ImportError('too-large', fileName, 'errorsFiles.archiveTooLargeTotal', { file: fileName, ...sizeArgs('limit', limit, 'archive') });
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
  if (eocd < 0) throw new ImportError('corrupt', fileName, 'errorsFiles.notZip', { file: fileName });
  const count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    throw new ImportError('too-large', fileName, 'errorsFiles.zip64', { file: fileName, format: 'ZIP64' });
  }
  if (count > limits.maxEntries) throw new ImportError('too-large', fileName, 'errorsFiles.tooManyEntries', { file: fileName, count, limit: limits.maxEntries });
  const decoder = new TextDecoder('utf-8');
  const entries: ArchiveEntry[] = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || u32(offset) !== CENTRAL) throw damaged(fileName, 'errorsFiles.archiveContentsBroken');
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
      throw new ImportError('corrupt', fileName, 'errorsFiles.entryOutside', { file: fileName, entry: name });
    }
    if (name.endsWith('/') || name.endsWith('\\')) continue;
    if (flags & 1) throw new ImportError('encrypted', fileName, 'errorsFiles.entryEncrypted', { file: fileName, entry: name });
    if (size === 0xffffffff || compressedSize === 0xffffffff) {
      throw new ImportError('too-large', fileName, 'errorsFiles.entryOver4Gb', { file: fileName, entry: name });
    }
    total += size;
    if (total > limits.maxTotalBytes) throw tooLargeTotal(fileName, limits.maxTotalBytes);
    if (size > limits.ratioFloorBytes && size > compressedSize * limits.maxRatio) {
      throw new ImportError('too-large', fileName, 'errorsFiles.zipBombRatio', {
        file: fileName,
        entry: name,
        ratio: limits.maxRatio,
        ...sizeArgs('compressed', compressedSize, 'archive'),
        ...sizeArgs('size', size, 'archive'),
      });
    }
    if (localOffset + 30 > bytes.length || u32(localOffset) !== LOCAL) throw damaged(fileName, 'errorsFiles.archiveEntryMissing', { entry: name });
    const dataOffset = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    entries.push({ name: name.replace(/\\/g, '/'), method, compressedSize, size, crc, dataOffset });
  }
  return new Archive(bytes, fileName, limits, entries);
}
