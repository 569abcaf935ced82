/**
 * File paths as strings, in the renderer (which has no Node): the folder and name of a path, a sibling file, a new
 * extension. Both separators are understood, so Windows paths work as well as POSIX ones.
 */

function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

/** The folder part of a path, without the trailing separator ('' when the path has none). */
export function dirname(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (at < 0) return '';
  return at === 0 ? path.slice(0, 1) : path.slice(0, at);
}

export function basename(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(at + 1);
}

/** A file name in the folder of `near` (the same separator style). */
export function siblingPath(near: string, fileName: string): string {
  const folder = dirname(near);
  if (folder === '') return fileName;
  const sep = separatorOf(near);
  return folder.endsWith(sep) ? `${folder}${fileName}` : `${folder}${sep}${fileName}`;
}

/** A file in a folder, with the folder's own separator. */
export function inFolder(folder: string, fileName: string): string {
  if (folder === '') return fileName;
  const sep = separatorOf(folder);
  return folder.endsWith(sep) ? `${folder}${fileName}` : `${folder}${sep}${fileName}`;
}

/** The path with its extension replaced (or added); `ext` without the dot. */
export function withExtension(path: string, ext: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? path.slice(0, path.length - (name.length - dot)) : path;
  return `${stem}.${ext}`;
}

export function extensionOf(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** A file name safe on every desktop system: no separators, reserved characters or trailing dots. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|]+/g, ' ')
    // Control characters (below U+0020) are dropped one by one.
    .split('')
    .filter((c) => c.charCodeAt(0) >= 32)
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return cleaned === '' ? 'Comparanda' : cleaned.slice(0, 120);
}

/** Whether two paths name the same file, as far as can be told from the strings. */
export function samePath(a: string, b: string): boolean {
  const norm = (p: string) => p.trim().replace(/\\/g, '/').replace(/\/+/g, '/').replace(/\/$/, '');
  return norm(a) === norm(b);
}

/** "2026-11-27 2149": for file names that sort by time. */
export function stampForFileName(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}${pad(date.getMinutes())}`;
}
