/**
 * The pages Electron prints exports from: held in memory and served on the app's own origin under /__print/, so
 * an export's HTML (which may hold an encrypted project's content) is never written to a temporary file. Pure
 * (no 'electron' import): index.ts serves and prints them.
 */
import crypto from 'node:crypto';

/** Print pages load nothing but their own inline styles and data: fonts and images; no script runs in them. */
export const PRINT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

export const PRINT_PREFIX = '/__print/';

export class PrintPages {
  private readonly pages = new Map<string, string>();

  /** Registers a page and answers the path it is served at; `release` forgets it. */
  add(html: string): string {
    const token = crypto.randomBytes(16).toString('hex');
    this.pages.set(token, html);
    return `${PRINT_PREFIX}${token}`;
  }

  release(pathname: string): void {
    this.pages.delete(pathname.slice(PRINT_PREFIX.length));
  }

  /** The HTML of a print page path, or null when it is not one (or was released). */
  get(pathname: string): string | null {
    if (!pathname.startsWith(PRINT_PREFIX)) return null;
    return this.pages.get(pathname.slice(PRINT_PREFIX.length)) ?? null;
  }
}
