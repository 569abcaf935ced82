import type { CsvKind } from '../../contract/api';

/** The columns of each kind, in order. Required columns are marked in REQUIRED. */
export const CSV_HEADERS: Record<CsvKind, readonly string[]> = {
  elections: ['case', 'date', 'type', 'round', 'label', 'official_result', 'notes', 'verification', 'verification_note'],
  missions: ['case', 'election_date', 'election_type', 'election_round', 'organisation', 'mission_type', 'reason', 'head_of_mission', 'verdict', 'verdict_quote', 'findings', 'verification', 'verification_note'],
  claims: [
    'claimant',
    'claimant_role',
    'claimant_case',
    'date',
    'statement',
    'statement_kind',
    'target',
    'focal_case',
    'comparator_cases',
    'comparator_note',
    'dimension',
    'dimension_note',
    'norm',
    'stage',
    'compared_missions',
    'assessment',
    'reasoning',
    'verification',
    'verification_note',
  ],
  indicators: ['indicator', 'case', 'year', 'value', 'label', 'scale', 'min', 'max', 'higher_is', 'verification', 'note'],
  regional: ['record', 'organisation', 'label', 'description', 'entrepreneurs', 'year_from', 'year_to', 'date', 'norms', 'case', 'status', 'date_from', 'date_to', 'verification', 'note'],
  /** Besides these, one `attr:NAME` column per case attribute. */
  cases: ['name', 'iso', 'role', 'notes'],
  cells: ['case', 'norm', 'stage', 'status', 'mode', 'period', 'summary', 'confidence'],
};

/** A case attribute's column in the cases kind: `attr:` and the attribute's name (any capitalisation). */
export const ATTRIBUTE_COLUMN = /^attr:\s*(.+)$/i;

export const REQUIRED: Record<CsvKind, readonly string[]> = {
  elections: ['case', 'date', 'type'],
  missions: ['case', 'election_date', 'election_type', 'organisation', 'mission_type'],
  claims: ['claimant', 'statement'],
  indicators: ['indicator', 'case', 'year'],
  regional: ['record'],
  cases: ['name'],
  cells: ['case', 'norm', 'stage'],
};

/**
 * One data line: only the file's own columns are keys. A column the file lacks is absent (undefined) and leaves the
 * stored field as it is; a present but empty cell ('') clears it.
 */
export type Row = Record<string, string>;
