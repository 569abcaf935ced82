/**
 * Which unit a file's text positions count in. The standard counts characters, and most programs count code points;
 * NVivo counts UTF-16 code units. The two differ only after a character outside the Basic Multilingual Plane (most
 * emoji), and there a wrong guess shifts every selection silently. So the file's own selections are asked: read in
 * each unit, which one puts their ends on word boundaries, keeps surrogate pairs whole and agrees with the names the
 * program gave them? The producer's known unit decides only when the selections cannot tell.
 */
import type { QdaSelection } from '../model';
import { Positions } from '../text';
import type { PositionUnit, Producer } from './producer';

export interface UnitDecision {
  unit: PositionUnit;
  /** `none`: no text has a character where the units differ; `producer`: the selections could not tell. */
  evidence: 'none' | 'selections' | 'producer';
  /** Selections whose text differs between the units, and how many of them start and end on word boundaries in each. */
  compared: number;
  fits: Record<PositionUnit, number>;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const ASTRAL = /[\ud800-\udbff][\udc00-\udfff]/;

function charBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text.slice(i - 1, i);
}

function onBoundary(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return true;
  return !(WORD.test(charBefore(text, i)) && WORD.test(String.fromCodePoint(text.codePointAt(i)!)));
}

function splitsPair(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return i > 0 && i < text.length && c >= 0xdc00 && c <= 0xdfff && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
}

const letters = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();

/** How plausible a selection is when read in one unit: 0 (impossible) to 5; 3 or more on word boundaries. */
function plausibility(text: string, positions: Positions, selection: QdaSelection, unit: PositionUnit): { score: number; boundaries: boolean } {
  const start = unit === 'utf16' ? selection.start : positions.toUnit(selection.start ?? -1);
  const end = unit === 'utf16' ? selection.end : positions.toUnit(selection.end ?? -1);
  if (start === null || end === null || start < 0 || end > text.length || end < start) return { score: 0, boundaries: false };
  if (splitsPair(text, start) || splitsPair(text, end)) return { score: 0, boundaries: false };
  const boundaries = onBoundary(text, start) && onBoundary(text, end);
  let score = 1 + (onBoundary(text, start) ? 1 : 0) + (onBoundary(text, end) ? 1 : 0);
  // A name the program took from the selected text (NVivo and MAXQDA do) is the strongest sign.
  const name = letters(selection.name);
  if (name.length >= 3 && letters(text.slice(start, end)).startsWith(name)) score += 2;
  return { score, boundaries };
}

export function decidePositionUnit(producer: Producer, texts: readonly { text: string; selections: readonly QdaSelection[] }[]): UnitDecision {
  const fits: Record<PositionUnit, number> = { codepoint: 0, utf16: 0 };
  let compared = 0;
  let score = 0;
  for (const { text, selections } of texts) {
    if (!ASTRAL.test(text)) continue;
    const positions = new Positions(text);
    for (const selection of selections) {
      if (selection.start === null || selection.end === null) continue;
      if (positions.toUnit(selection.start) === selection.start && positions.toUnit(selection.end) === selection.end) continue;
      compared++;
      const asCodePoints = plausibility(text, positions, selection, 'codepoint');
      const asUnits = plausibility(text, positions, selection, 'utf16');
      if (asCodePoints.boundaries) fits.codepoint++;
      if (asUnits.boundaries) fits.utf16++;
      score += asUnits.score - asCodePoints.score;
    }
  }
  if (compared === 0) return { unit: producer.positionUnit, evidence: 'none', compared, fits };
  if (score === 0) return { unit: producer.positionUnit, evidence: 'producer', compared, fits };
  return { unit: score > 0 ? 'utf16' : 'codepoint', evidence: 'selections', compared, fits };
}
