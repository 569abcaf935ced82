/**
 * Reading a .qdpx or .qdc file into memory, before anything is written: the archive (checked entry by entry, see
 * archive.ts), its project.qde, and the files its sources point at — always inside the archive, never on disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../contract/errors';
import { localError } from '../../contract/i18n/format';
import { ImportError, sizeArgs } from '../documents/import-error';
import { type Archive, type ArchiveEntry, type ArchiveLimits, DEFAULT_LIMITS, looksLikeZip, openArchive, safeSegments, type Subject, subjectArgs } from './archive';
import { readQdaXml, type QdaProject } from './model';
import { decodeTextFile } from './text';
import { decodeXmlBytes, parseXml } from './xml';

export interface Loaded {
  /** The file's name, for messages. */
  fileName: string;
  archive: Archive | null;
  /** Where project.qde sits in the archive ("" at the root). */
  prefix: string;
  qda: QdaProject;
}

export function limitsWith(overrides: Partial<ArchiveLimits> | undefined): ArchiveLimits {
  return { ...DEFAULT_LIMITS, ...(overrides ?? {}) };
}

function readInput(file: string, limits: ArchiveLimits): { bytes: Uint8Array; fileName: string } {
  const absolute = path.resolve(file);
  const fileName = path.basename(absolute);
  let size: number;
  try {
    const stat = fs.statSync(absolute);
    if (stat.isDirectory()) throw localError('VALIDATION_FAILED', 'errorsImport.folderNotQda', { path: absolute });
    size = stat.size;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw localError(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'VALIDATION_FAILED', 'errorsImport.cannotReadCheckPath', { file: fileName, code: code ?? 'error' });
  }
  if (size > limits.maxArchiveBytes) {
    throw new ImportError('too-large', fileName, 'errorsFiles.qdaTooLarge', { file: fileName, ...sizeArgs('size', size, 'archive'), ...sizeArgs('limit', limits.maxArchiveBytes, 'archive') });
  }
  if (size === 0) throw new ImportError('empty-file', fileName, 'errorsFiles.qdaEmpty', { file: fileName });
  return { bytes: new Uint8Array(fs.readFileSync(absolute)), fileName };
}

/** Opens a .qdpx (or a bare project.qde / .qdc XML file) and reads its project or codebook. */
export function loadFile(file: string, expect: 'project' | 'codebook', limitsIn?: Partial<ArchiveLimits>): Loaded {
  const limits = limitsWith(limitsIn);
  const { bytes, fileName } = readInput(file, limits);
  let archive: Archive | null = null;
  let xmlBytes: Uint8Array;
  let entryName: string;
  let prefix = '';
  if (looksLikeZip(bytes)) {
    archive = openArchive(bytes, fileName, limits);
    let entry: ArchiveEntry | undefined = archive.find('project.qde');
    if (!entry) {
      // Some programs wrap everything in one folder; accept a single project.qde one level down.
      const nested = archive.entries.filter((e) => /^[^/]+\/project\.qde$/i.test(e.name));
      if (nested.length === 1) {
        entry = nested[0]!;
        prefix = entry.name.slice(0, entry.name.indexOf('/') + 1);
      }
    }
    if (!entry) {
      const qdc = archive.entries.find((e) => /\.qdc$/i.test(e.name));
      if (expect === 'codebook' && qdc) entry = qdc;
      else {
        throw new ImportError('corrupt', fileName, 'errorsFiles.noProjectEntry', { file: fileName, entry: 'project.qde', count: archive.entries.length });
      }
    }
    if (entry.size > limits.maxXmlBytes) {
      throw new ImportError('too-large', fileName, 'errorsFiles.xmlEntryTooLarge', {
        file: fileName,
        entry: entry.name,
        ...sizeArgs('size', entry.size, 'archive'),
        ...sizeArgs('limit', limits.maxXmlBytes, 'archive'),
      });
    }
    xmlBytes = archive.read(entry);
    entryName = entry.name;
  } else {
    if (bytes.length > limits.maxXmlBytes) throw new ImportError('too-large', fileName, 'errorsFiles.xmlFileTooLarge', { file: fileName, ...sizeArgs('size', bytes.length, 'archive') });
    const head = decodeXmlBytes(bytes.subarray(0, 512)).trimStart();
    if (!head.startsWith('<')) {
      throw new ImportError('corrupt', fileName, 'errorsFiles.notQda', { file: fileName });
    }
    xmlBytes = bytes;
    entryName = fileName;
  }
  const doc = parseXml(decodeXmlBytes(xmlBytes), fileName, entryName === fileName ? 'XML' : entryName);
  const qda = readQdaXml(doc);
  if (!qda) {
    throw new ImportError('corrupt', fileName, 'errorsFiles.noQdaRoot', { file: fileName, entry: entryName, project: '<Project>', codebook: '<CodeBook>' });
  }
  if (expect === 'codebook' && qda.kind === 'project') {
    throw new ImportError('corrupt', fileName, 'errorsFiles.projectNotCodebook', { file: fileName, option: '--from qdpx' });
  }
  if (expect === 'project' && qda.kind !== 'project') {
    throw new ImportError('corrupt', fileName, 'errorsFiles.codebookNotProject', { file: fileName });
  }
  return { fileName, archive, prefix, qda };
}

export type Resolved =
  | { kind: 'found'; entry: ArchiveEntry; path: string }
  | { kind: 'missing'; path: string }
  /** A file outside the archive (an absolute path, file:// or relative:// to the author's disk): never read. */
  | { kind: 'external'; path: string };

/**
 * Finds the archive entry a source path names: `internal://X` (in Sources/), a path relative to the archive or to
 * Sources/, or a bare file name; any letter case. Throws ImportError for a path that climbs out of the folder.
 */
export function resolvePath(loaded: Loaded, raw: string, what: Subject): Resolved {
  const value = raw.trim();
  let rel: string;
  let external = false;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/\/?(.*)$/i.exec(value);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    rel = scheme[2]!;
    if (name === 'file' || (name !== 'internal' && name !== 'relative')) return { kind: 'external', path: value };
    external = name === 'relative';
  } else if (value.startsWith('/') || value.startsWith('\\') || /^[a-zA-Z]:[\\/]/.test(value)) {
    return { kind: 'external', path: value };
  } else {
    rel = value;
  }
  const variants = [rel];
  try {
    const decoded = decodeURIComponent(rel);
    if (decoded !== rel) variants.push(decoded);
  } catch {
    // not percent-encoded
  }
  for (const variant of variants) {
    if (safeSegments(variant) === null) {
      throw new ImportError('corrupt', loaded.fileName, 'errorsFiles.pathOutside', { file: loaded.fileName, path: raw, ...subjectArgs(what) });
    }
  }
  if (loaded.archive) {
    for (const variant of variants) {
      const segments = safeSegments(variant)!.join('/');
      const entry = loaded.archive.find(`${loaded.prefix}Sources/${segments}`) ?? loaded.archive.find(`${loaded.prefix}${segments}`);
      if (entry) return { kind: 'found', entry, path: value };
    }
  }
  return external ? { kind: 'external', path: value } : { kind: 'missing', path: value };
}

/** Reads one source file from the archive, refusing it when it is larger than one source may be. */
export function readSourceEntry(loaded: Loaded, entry: ArchiveEntry, what: Subject): Uint8Array {
  const limit = loaded.archive!.limits.maxSourceBytes;
  if (entry.size > limit) {
    throw new ImportError('too-large', loaded.fileName, 'errorsFiles.sourceTooLarge', {
      file: loaded.fileName,
      entry: entry.name,
      ...subjectArgs(what),
      ...sizeArgs('size', entry.size, 'archive'),
      ...sizeArgs('limit', limit, 'archive'),
    });
  }
  return loaded.archive!.read(entry, what);
}

export function readSourceText(loaded: Loaded, entry: ArchiveEntry, what: Subject): { text: string; lossy: boolean } {
  return decodeTextFile(readSourceEntry(loaded, entry, what));
}
