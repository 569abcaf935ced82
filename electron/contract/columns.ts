/**
 * The matrix's columns chosen and grouped by case attributes (SCO member, regime type, year of OSCE accession): which
 * cases a filter keeps, and the column order a grouping gives. Values are compared in the canonical text the
 * project stores them in ('true'/'false', decimals, YYYY-MM-DD); '' stands for "not set".
 */
import type { AttributeDto, AttributeValue, CaseDto, ColumnArrangement } from './api';
import { translator } from './i18n/format';

/** The interface's words for these labels: the renderer passes its own (useT); English otherwise. */
export type Words = ReturnType<typeof translator>;

const ENGLISH: Words = translator('en');

export const NO_ARRANGEMENT: ColumnArrangement = { filters: [], groupBy: null };

/** A case's value of an attribute as stored text ('' when not set). */
export function valueKey(kase: CaseDto, attributeId: string): string {
  const value: AttributeValue | undefined = kase.attributes[attributeId];
  return value === undefined ? '' : String(value);
}

/** How a stored value reads in the UI. */
export function valueLabel(attribute: AttributeDto | undefined, key: string, t: Words = ENGLISH): string {
  if (key === '') return t('matrix.valueNotSet');
  if (attribute?.type === 'boolean') return t(key === 'true' ? 'matrix.valueYes' : 'matrix.valueNo');
  return key;
}

/** The values an attribute can be filtered by: a choice's choices (in their order), else those the cases have. */
export function attributeValues(attribute: AttributeDto, cases: readonly CaseDto[]): string[] {
  const present = new Set(cases.filter((c) => !c.archived).map((c) => valueKey(c, attribute.id)));
  let known: string[];
  if (attribute.type === 'choice') known = attribute.choices;
  else if (attribute.type === 'boolean') known = ['true', 'false'];
  else known = [...present].filter((v) => v !== '').sort(compareValues);
  return [...known, ...(present.has('') ? [''] : [])];
}

function compareValues(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

/** Filters that still apply: on attributes the project has, with at least one value chosen. */
export function liveArrangement(arrangement: ColumnArrangement, attributes: readonly AttributeDto[]): ColumnArrangement {
  const known = new Set(attributes.map((a) => a.id));
  return {
    filters: arrangement.filters.filter((f) => known.has(f.attributeId) && f.values.length > 0),
    groupBy: arrangement.groupBy && known.has(arrangement.groupBy) ? arrangement.groupBy : null,
  };
}

export function isArranged(arrangement: ColumnArrangement): boolean {
  return arrangement.filters.length > 0 || arrangement.groupBy !== null;
}

/**
 * The cases kept by the filters, grouped: each group's cases keep their column order, groups follow the attribute's
 * value order ('not set' last). The focal case is never filtered out and stays first: it is what the others are
 * compared with.
 */
export function arrangeCases(cases: readonly CaseDto[], arrangement: ColumnArrangement, attributes: readonly AttributeDto[]): CaseDto[] {
  const live = liveArrangement(arrangement, attributes);
  const kept = cases.filter((c) => c.role === 'focal' || live.filters.every((f) => f.values.includes(valueKey(c, f.attributeId))));
  const attribute = attributes.find((a) => a.id === live.groupBy);
  if (!attribute) return kept;
  const order = attributeValues(attribute, cases);
  const rank = (c: CaseDto) => {
    const at = order.indexOf(valueKey(c, attribute.id));
    return at < 0 ? order.length : at;
  };
  const focal = kept.filter((c) => c.role === 'focal');
  const others = kept.filter((c) => c.role !== 'focal');
  // Array.prototype.sort is stable: within a group, the researcher's column order stays.
  return [...focal, ...others.sort((a, b) => rank(a) - rank(b))];
}

/** The group label a column starts ("Regime type: closed autocracy"), or undefined if it continues a group. */
export function groupStarts(cases: readonly CaseDto[], arrangement: ColumnArrangement, attributes: readonly AttributeDto[], t: Words = ENGLISH): Map<string, string> {
  const attribute = attributes.find((a) => a.id === arrangement.groupBy);
  const starts = new Map<string, string>();
  if (!attribute) return starts;
  let previous: string | null = null;
  for (const c of cases) {
    if (c.role === 'focal') continue;
    const key = valueKey(c, attribute.id);
    if (key !== previous) starts.set(c.id, t('matrix.attributeValue', { name: attribute.name, value: valueLabel(attribute, key, t) }));
    previous = key;
  }
  return starts;
}

/** One line that says what the arrangement does ("SCO member: yes · grouped by Regime type"). */
export function describeArrangement(arrangement: ColumnArrangement, attributes: readonly AttributeDto[], t: Words = ENGLISH): string {
  const live = liveArrangement(arrangement, attributes);
  const byId = new Map(attributes.map((a) => [a.id, a]));
  const parts = live.filters.map((f) => {
    const attribute = byId.get(f.attributeId)!;
    const values = f.values.map((v) => valueLabel(attribute, v, t)).reduce((first, second) => t('matrix.eitherValue', { first, second }));
    return t('matrix.attributeValue', { name: attribute.name, value: values });
  });
  if (live.groupBy) parts.push(t('matrix.groupedBy', { name: byId.get(live.groupBy)!.name }));
  return parts.join(' · ');
}
