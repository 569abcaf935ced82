/**
 * The bundled typefaces for HTML/PDF exports: Noto Serif (body) and Noto Sans (labels) from @fontsource, inlined as
 * data: URLs so that the HTML is self-contained and Chromium embeds exactly these fonts (never system fonts, which
 * here lack Kazakh letters in serif faces and would mix faces). The @font-face rules keep @fontsource's
 * unicode-range per subset (latin, latin-ext, cyrillic, cyrillic-ext, greek, vietnamese, math), so only the subsets a
 * document uses are loaded.
 *
 * If @fontsource/noto-sans is not installed (it is a dev dependency of the app), labels fall back to Noto Serif.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const SERIF_FAMILY = 'Comparanda Serif';
export const SANS_FAMILY = 'Comparanda Sans';

interface Face {
  family: string;
  style: 'normal' | 'italic';
  weight: number;
  file: string;
  ranges: [number, number][];
  rangeText: string;
}

const SUBSETS_SKIPPED = /devanagari/;

function packageDir(name: string): string | null {
  const from = typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'noop.js');
  try {
    return path.dirname(createRequire(from).resolve(`${name}/package.json`));
  } catch {
    return null;
  }
}

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(a!, 16);
    return [start, b ? parseInt(b, 16) : start];
  });
}

/** The faces of one @fontsource package for a weight and style, from its CSS (one @font-face per subset). */
function facesOf(dir: string, family: string, weight: number, style: 'normal' | 'italic'): Face[] {
  const css = path.join(dir, `${weight}${style === 'italic' ? '-italic' : ''}.css`);
  if (!fs.existsSync(css)) return [];
  const faces: Face[] = [];
  for (const block of fs.readFileSync(css, 'utf8').split('@font-face').slice(1)) {
    const url = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!url || !range || SUBSETS_SKIPPED.test(url)) continue;
    const file = path.join(dir, 'files', url);
    if (!fs.existsSync(file)) continue;
    faces.push({ family, style, weight, file, ranges: parseRanges(range), rangeText: range.trim() });
  }
  return faces;
}

let cached: { faces: Face[]; serifRanges: [number, number][]; sansMissing: boolean } | null = null;
const dataUrls = new Map<string, string>();

function load(): NonNullable<typeof cached> {
  if (cached) return cached;
  const serifDir = packageDir('@fontsource/noto-serif');
  if (!serifDir) throw new Error('The bundled font @fontsource/noto-serif is not installed: run npm install.');
  const sansDir = packageDir('@fontsource/noto-sans');
  const faces: Face[] = [];
  for (const [weight, style] of [
    [400, 'normal'],
    [400, 'italic'],
    [700, 'normal'],
    [700, 'italic'],
  ] as const) {
    faces.push(...facesOf(serifDir, SERIF_FAMILY, weight, style));
    faces.push(...facesOf(sansDir ?? serifDir, SANS_FAMILY, weight, style));
  }
  const serifRanges = faces.filter((f) => f.family === SERIF_FAMILY && f.weight === 400 && f.style === 'normal').flatMap((f) => f.ranges);
  cached = { faces, serifRanges, sansMissing: !sansDir };
  return cached;
}

function dataUrl(file: string): string {
  let url = dataUrls.get(file);
  if (!url) {
    url = `data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}`;
    dataUrls.set(file, url);
  }
  return url;
}

/**
 * The @font-face rules for a document that uses these `characters` (codePointsOf): only the subsets it uses are
 * inlined (a Latin-only document carries about 0.3 MB of fonts; every subset of the eight faces would be 1.5 MB).
 */
export function fontFaceCss(characters: ReadonlySet<number>): string {
  const codes = new Set(characters);
  // Digits and punctuation for page numbers and labels are always needed.
  for (let c = 0x20; c < 0x7f; c++) codes.add(c);
  const used = (f: Face) => [...codes].some((code) => f.ranges.some(([a, b]) => code >= a && code <= b));
  return load()
    .faces.filter(used)
    .map(
      (f) =>
        `@font-face{font-family:'${f.family}';font-style:${f.style};font-weight:${f.weight};font-display:block;` +
        `src:url(${dataUrl(f.file)}) format('woff2');unicode-range:${f.rangeText};}`,
    )
    .join('\n');
}

/** The `characters` that no bundled face covers (Chromium would fall back to a system font for them). */
export function uncoveredCharacters(characters: ReadonlySet<number>): string[] {
  const { serifRanges } = load();
  const missing: string[] = [];
  for (const code of characters) {
    if (code < 0x20 || code === 0x7f) continue;
    if (!serifRanges.some(([a, b]) => code >= a && code <= b)) missing.push(String.fromCodePoint(code));
  }
  return missing;
}

/**
 * The distinct characters of a text, in order of first use: an export's text has a million characters and a few
 * hundred distinct, so the HTML renderer reads them once for both functions above.
 */
export function codePointsOf(text: string): Set<number> {
  const codes = new Set<number>();
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    codes.add(code);
  }
  return codes;
}

export function sansFontMissing(): boolean {
  return load().sansMissing;
}
