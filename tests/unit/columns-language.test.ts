import { describe, expect, it } from 'vitest';
import type { AttributeDto, CaseDto } from '../../electron/contract/api';
import { describeArrangement, groupStarts, valueLabel } from '../../electron/contract/columns';
import { translator } from '../../electron/contract/i18n/format';

const sco: AttributeDto = { id: 'sco', name: 'Член ШОС', type: 'boolean', choices: [], position: 1 };
const regime: AttributeDto = { id: 'regime', name: 'Тип режима', type: 'choice', choices: ['закрытая автократия', 'электоральная автократия'], position: 2 };
const arrangement = { filters: [{ attributeId: 'sco', values: ['true', ''] }], groupBy: 'regime' };

function kase(id: string, attributes: CaseDto['attributes']): CaseDto {
  return { id, name: id, isoCode: null, role: 'comparison', notes: '', archived: false, position: 0, attributes } as CaseDto;
}

describe('the matrix columns arranged by attribute', () => {
  it('are described in English by default, as before', () => {
    expect(describeArrangement(arrangement, [sco, regime])).toBe('Член ШОС: yes or not set · grouped by Тип режима');
    expect(valueLabel(sco, 'false')).toBe('no');
  });

  it('are described in the interface language the renderer passes', () => {
    expect(describeArrangement(arrangement, [sco, regime], translator('ru'))).toBe('Член ШОС: да или не задано · группировка по атрибуту «Тип режима»');
    expect(describeArrangement(arrangement, [sco, regime], translator('kk'))).toBe('Член ШОС: иә немесе берілмеген · «Тип режима» бойынша топталған');
    const starts = groupStarts([kase('BLR', { regime: 'закрытая автократия' }), kase('ARM', {})], arrangement, [sco, regime], translator('ru'));
    expect([...starts.values()]).toEqual(['Тип режима: закрытая автократия', 'Тип режима: не задано']);
  });
});
