/**
 * Calibration of raw values into set memberships, as `calibrate()` of the R package does it (Dusa 2019, ch. 4):
 * crisp and multi-value by thresholds (the number of thresholds a value reaches), fuzzy by the direct method
 * (Ragin 2008: log-odds of membership linear in the value, ±log(0.95/0.05) ≈ ±2.94 at the anchors of full
 * membership and full non-membership, 0 at the crossover), and by hand with a reason for every score.
 */
import { ApiError } from '../../contract/errors';

export type Calibration =
  | { method: 'crisp'; thresholds: number[] }
  | { method: 'fuzzy'; exclusion: number; crossover: number; inclusion: number; idm?: number }
  | { method: 'manual'; scores: Record<string, { score: number; reason: string }> }
  /** The raw values already are memberships (a 0/1 attribute, a fuzzy score recorded elsewhere). */
  | { method: 'direct' };

function need(condition: boolean, message: string): void {
  if (!condition) throw new ApiError('VALIDATION_FAILED', message);
}

/** How many (sorted) thresholds the value reaches: 0/1 with one threshold, 0/1/2 with two, ... (R's findInterval). */
export function calibrateCrisp(x: number, thresholds: number[]): number {
  need(thresholds.length > 0 && thresholds.every(Number.isFinite), 'Give at least one numeric threshold for a crisp calibration.');
  return [...thresholds].sort((a, b) => a - b).filter((t) => x >= t).length;
}

/**
 * The logistic direct method. Anchors may run downwards (full membership below full non-membership, e.g. "number
 * of cabinets": fewer is more stable); scores under 0.0001 or over 0.9999 are rounded to 0 and 1 as R does.
 */
export function calibrateFuzzy(x: number, anchors: { exclusion: number; crossover: number; inclusion: number; idm?: number }): number {
  const { exclusion, crossover, inclusion } = anchors;
  const idm = anchors.idm ?? 0.95;
  need([exclusion, crossover, inclusion].every(Number.isFinite), 'The three anchors (full non-membership, crossover, full membership) must be numbers.');
  need(idm > 0.5 && idm < 1, 'The degree of membership at the anchors must lie between 0.5 and 1 (0.95 is usual).');
  const increasing = exclusion < inclusion;
  need(
    increasing ? exclusion < crossover && crossover < inclusion : inclusion < crossover && crossover < exclusion,
    'The crossover must lie strictly between full non-membership and full membership.',
  );
  const lo = increasing ? exclusion : inclusion;
  const hi = increasing ? inclusion : exclusion;
  const logOdds = Math.log(idm / (1 - idm));
  const slopeAnchor = x < crossover ? lo : hi;
  const sign = x < crossover ? 1 : -1;
  let fs = 1 / (1 + Math.exp((sign * (x - crossover) * logOdds) / (slopeAnchor - crossover)));
  if (!increasing) fs = 1 - fs;
  if (fs < 0.0001) return 0;
  if (fs > 0.9999) return 1;
  return fs;
}

export interface CalibratedValue {
  raw: number | null;
  score: number | null;
  reason?: string;
}

/** Calibrates one case's raw value; a case without a raw value (and no manual score) stays without a score. */
export function calibrateValue(calibration: Calibration, caseName: string, raw: number | null): CalibratedValue {
  switch (calibration.method) {
    case 'manual': {
      const entry = calibration.scores[caseName];
      if (!entry) return { raw, score: null };
      need(entry.score >= 0 && entry.score <= 1, `The score of ${caseName} must lie between 0 and 1.`);
      need(entry.reason.trim().length > 0, `Give the reason for the score of ${caseName}: a score set by hand says why.`);
      return { raw, score: entry.score, reason: entry.reason };
    }
    case 'crisp':
      return { raw, score: raw === null ? null : calibrateCrisp(raw, calibration.thresholds) };
    case 'fuzzy':
      return { raw, score: raw === null ? null : calibrateFuzzy(raw, calibration) };
    case 'direct':
      need(raw === null || (raw >= 0 && (raw <= 1 || Number.isInteger(raw))), `The value of ${caseName} (${raw}) is not a membership score: calibrate it with thresholds or anchors.`);
      return { raw, score: raw };
  }
}

export function describeCalibration(c: Calibration): string {
  switch (c.method) {
    case 'crisp':
      return c.thresholds.length === 1 ? `crisp: 1 from ${c.thresholds[0]}` : `multi-value: thresholds ${c.thresholds.join(', ')}`;
    case 'fuzzy':
      return `fuzzy (direct, logistic): full non-membership ${c.exclusion}, crossover ${c.crossover}, full membership ${c.inclusion}`;
    case 'manual':
      return 'by hand, with a reason per score';
    case 'direct':
      return 'values used as memberships';
  }
}
