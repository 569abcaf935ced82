/** The one rule by which every command finds a case or a norm by name (electron/core/names.ts). */
import { describe, expect, it } from 'vitest';
import type { CaseDto, NormDto } from '../../electron/contract/api';
import { caseList, matchCase, matchNorm, normList, splitList } from '../../electron/core/names';

const kase = (name: string, isoCode: string | null = null): CaseDto => ({ id: `id-${name}`, name, isoCode, role: 'comparison', notes: '', position: 0, archived: false, attributes: {} });
const norm = (label: string, shortLabel = ''): NormDto => ({ id: `id-${label}`, label, shortLabel }) as NormDto;

const cases = [kase('Kazakhstan', 'KAZ'), kase('Belarus', 'BLR'), kase('Russia'), kase('Kyrgyzstan'), kase('Korea, Republic of', 'KOR'), kase('Kyrgyz Republic (1991)')];
const norms = [norm('International election observation', 'Election observation'), norm('Free and fair voting procedures (balanced, impartial election commissions)', 'Free and fair voting')];

describe('matching a name', () => {
  it('exact ISO code or name first, case-insensitive and NFKC-normalised', () => {
    expect(matchCase('kaz', cases).name).toBe('Kazakhstan');
    expect(matchCase('ＫＡＺ', cases).name).toBe('Kazakhstan');
    expect(matchCase('kyrgyzstan', cases).name).toBe('Kyrgyzstan');
  });

  it('then a unique prefix, then a unique word prefix; never a substring inside a word', () => {
    expect(matchCase('RUS', cases).name).toBe('Russia');
    expect(matchCase('Bel', cases).name).toBe('Belarus');
    expect(() => matchCase('arus', cases)).toThrow(/No case matches "arus"/);
    expect(matchNorm('observation', norms).shortLabel).toBe('Election observation');
    expect(matchNorm('impartial', norms).shortLabel).toBe('Free and fair voting');
  });

  it('an ambiguous name is an error naming every candidate', () => {
    expect(() => matchCase('Kyrgyz', cases)).toThrow(/"Kyrgyz" matches 2 cases: Kyrgyzstan; Kyrgyz Republic \(1991\)/);
    expect(() => matchCase('K', cases)).toThrow(/matches 4 cases/);
    // A prefix of a whole name comes before a word inside another: "election" is the one that starts with it.
    expect(matchNorm('election', norms).shortLabel).toBe('Election observation');
  });
});

describe('lists on the command line', () => {
  it('split on "|" and repeated flags, never on commas', () => {
    expect(splitList(['a|b', ' c '])).toEqual(['a', 'b', 'c']);
    expect(normList([norms[1]!.label], norms)).toEqual([norms[1]!.id]);
    expect(normList(['Election observation|Free and fair voting'], norms)).toEqual(norms.map((n) => n.id));
    expect(normList(['all'], norms)).toBeUndefined();
    expect(() => normList(['Election observation,Free and fair voting'], norms)).toThrow(/repeat --norm or separate them with "\|"/);
  });

  it('cases: "KAZ,BLR" still works, and a name with a comma stays one case', () => {
    expect(caseList('KAZ,BLR', cases)).toEqual(['id-Kazakhstan', 'id-Belarus']);
    expect(caseList(['Korea, Republic of'], cases)).toEqual(['id-Korea, Republic of']);
    expect(caseList(['KOR|Rus', 'KAZ'], cases)).toEqual(['id-Korea, Republic of', 'id-Russia', 'id-Kazakhstan']);
  });
});
