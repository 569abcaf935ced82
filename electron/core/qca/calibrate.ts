/**
 * Calibration of raw values into set memberships, as `calibrate()` of the R package does it (Dusa 2019, ch. 4):
 * crisp and multi-value by thresholds (the number of thresholds a value reaches), fuzzy by the direct method
 * (Ragin 2008: log-odds of membership linear in the value, ±log(0.95/0.05) ≈ ±2.94 at the anchors of full
 * membership and full non-membership, 0 at the crossover), and by hand with a reason for every score.
 */
import { localError } from '../../contract/i18n/format';
import type { MessageId } from '../../contract/i18n/catalogue';

export type Calibration =
  | { method: 'crisp'; thresholds: number[] }
  | { method: 'fuzzy'; exclusion: number; crossover: number; inclusion: number; idm?: number }
  | { method: 'manual'; scores: Record<string, { score: number; reason: string }> }
  /** The raw values already are memberships (a 0/1 attribute, a fuzzy score recorded elsewhere). */
  | { method: 'direct' };

function need(condition: boolean, id: MessageId, values?: Record<string, string | number>): void {
  if (!condition) throw localError('VALIDATION_FAILED', id, values);
}

/** How many (sorted) thresholds the value reaches: 0/1 with one threshold, 0/1/2 with two, ... (R's findInterval). */
export function calibrateCrisp(x: number, thresholds: number[]): number {
  need(thresholds.length > 0 && thresholds.every(Number.isFinite), 'errorsQca.crispThreshold');
  return [...thresholds].sort((a, b) => a - b).filter((t) => x >= t).length;
}

/**
 * The logistic direct method. Anchors may run downwards (full membership below full non-membership, e.g. "number
 * of cabinets": fewer is more stable); scores under 0.0001 or over 0.9999 are rounded to 0 and 1 as R does.
 */
export function calibrateFuzzy(x: number, anchors: { exclusion: number; crossover: number; inclusion: number; idm?: number }): number {
  const { exclusion, crossover, inclusion } = anchors;
  const idm = anchors.idm ?? 0.95;
  need([exclusion, crossover, inclusion].every(Number.isFinite), 'errorsQca.anchorsNumbers');
  need(idm > 0.5 && idm < 1, 'errorsQca.anchorDegree');
  const increasing = exclusion < inclusion;
  need(
    increasing ? exclusion < crossover && crossover < inclusion : inclusion < crossover && crossover < exclusion,
    'errorsQca.crossoverBetween',
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
      need(entry.score >= 0 && entry.score <= 1, 'errorsQca.caseScoreRange', { case: caseName });
      need(entry.reason.trim().length > 0, 'errorsQca.caseScoreReason', { case: caseName });
      return { raw, score: entry.score, reason: entry.reason };
    }
    case 'crisp':
      return { raw, score: raw === null ? null : calibrateCrisp(raw, calibration.thresholds) };
    case 'fuzzy':
      return { raw, score: raw === null ? null : calibrateFuzzy(raw, calibration) };
    case 'direct':
      need(raw === null || (raw >= 0 && (raw <= 1 || Number.isInteger(raw))), 'errorsQca.notMembership', { case: caseName, value: String(raw) });
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
