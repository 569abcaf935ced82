/**
 * The .qdpx archive written as the export makes it: each text is searched for recorded identities, deflated and
 * written to a temporary file beside the target as soon as it is made, and forgotten. The whole archive used to be
 * held in memory (every document's text twice, once as bytes and once decoded for the check; project.qde as one
 * string, and its text three times more for the check) and compressed in one call: at the benchmark's L size (2,000
 * documents, 50,000 excerpts) 2 GB of memory and 36 s with the app's thread held throughout; ten times that project
 * could not be written at all (project.qde alone is longer than the longest string JavaScript can hold).
 *
 * The archive is fflate's streaming ZIP (its own DEFLATE): files are added one at a time, each finished before the
 * next, so nothing is queued. The temporary file becomes the target only when the archive is complete and every
 * check has passed (a rename); anything that stops the export removes it.
 */
import fs from 'node:fs';
import { Zip, ZipDeflate } from 'fflate';
import type { ApiError } from '../../../contract/errors';
import { localError } from '../../../contract/i18n/format';
import { xmlTexts } from '../../export/check';
import { guardOutput } from '../../privacy/gate';
import type { Identity } from '../../privacy/identities';
import type Database from 'better-sqlite3';

/** What the privacy gate calls the output (its refusal names it). */
const WHAT = 'REFI-QDA project';
/** XML is checked and written in pieces of about this many characters, each ending after a whole line. */
export const XML_PIECE = 1 << 20;
/** How much of the end of one piece is checked again with the next: a name split by the cut is still found. */
const OVERLAP = 4096;

/** What a ZIP archive without the ZIP64 extension (fflate writes none) can hold: 32-bit offsets, 16-bit counts. */
export interface ZipLimits {
  bytes: number;
  files: number;
}
const ZIP_LIMITS: ZipLimits = { bytes: 0xffffffff, files: 0xffff };

function tooLarge(limit: string): ApiError {
  return localError('VALIDATION_FAILED', 'errorsExport.qdpxTooLarge', { limit });
}

export class QdpxArchive {
  private readonly fd: number;
  private readonly zip: Zip;
  private failure: Error | null = null;
  private closed = false;
  private readonly names = new Set<string>();
  /** Bytes of the archive so far. */
  private written = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly identities: readonly Identity[],
    /** The temporary file written (beside the target). */
    readonly temp: string,
    private readonly limits: ZipLimits = ZIP_LIMITS,
  ) {
    this.fd = fs.openSync(temp, 'wx');
    this.zip = new Zip((error, data) => {
      if (error) this.failure ??= error;
      else {
        // Past 4 GB the archive's offsets would wrap round: a file no program could read, refused instead.
        this.written += data.length;
        if (this.written > this.limits.bytes) this.failure ??= tooLarge('4 GB');
        else fs.writeSync(this.fd, data);
      }
    });
  }

  private guard(text: string, label: string): void {
    guardOutput(this.db, WHAT, [{ text, label }], { identities: this.identities });
  }

  /** Files written (project.qde included). */
  get count(): number {
    return this.names.size;
  }

  /** A file of this name is written once (a second one would shadow it in the archive): the first stays. */
  private claim(name: string): boolean {
    if (this.names.has(name)) return false;
    if (this.names.size >= this.limits.files) throw tooLarge(`${this.limits.files.toLocaleString('en-US')} files`);
    this.names.add(name);
    return true;
  }

  private rethrow(): void {
    if (this.failure) throw this.failure;
  }

  /** A text file (a document's plain text), checked first. */
  addText(name: string, text: string): void {
    if (this.names.has(name)) return;
    if (this.names.size >= this.limits.files) throw tooLarge(`${this.limits.files.toLocaleString('en-US')} files`);
    this.guard(text, name);
    this.addBytes(name, new TextEncoder().encode(text));
  }

  /** A file as it is (an original PDF or DOCX: not read by the check, as before). */
  addBytes(name: string, bytes: Uint8Array): void {
    if (!this.claim(name)) return;
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    file.push(bytes, true);
    this.rethrow();
  }

  /**
   * An XML file from its pieces (renderXmlPieces), each checked with the end of the one before it; `pause` lets the
   * event loop in between pieces.
   */
  async addXml(name: string, pieces: Iterable<string>, pause: () => Promise<void>): Promise<void> {
    if (!this.claim(name)) return;
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    const encoder = new TextEncoder();
    let tail = '';
    for (const piece of pieces) {
      for (const text of xmlTexts(tail + piece)) this.guard(text, name);
      // The last whole lines of at least OVERLAP characters (the piece ends with a line break).
      const cut = piece.lastIndexOf('\n', piece.length - 2 - OVERLAP);
      tail = cut < 0 ? piece : piece.slice(cut + 1);
      file.push(encoder.encode(piece));
      this.rethrow();
      await pause();
    }
    file.push(new Uint8Array(0), true);
    this.rethrow();
  }

  /** Ends the archive and puts it in place of `target`. */
  finish(target: string): void {
    this.zip.end();
    this.rethrow();
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    this.closed = true;
    fs.renameSync(this.temp, target);
  }

  /** Removes what was written (an export refused, cancelled or failed). */
  discard(): void {
    if (!this.closed) {
      this.closed = true;
      try {
        this.zip.terminate();
        fs.closeSync(this.fd);
      } catch {
        // Already closed: the removal below is what matters.
      }
    }
    fs.rmSync(this.temp, { force: true });
  }
}
