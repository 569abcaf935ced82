/** Cases with their attribute values, sources and selections (a case's cells' evidence). */
import { el, textEl } from '../xml';
import type { ExportContext } from './context';
import { all, decimal, group } from './rows';

export function writeCases(x: ExportContext, caseSelections: Map<string, Set<string>>, caseSources: Map<string, Set<string>>) {
  const { p, counts, addLink, machine, caseRows, memosOf } = x;
  // ---- Cases
  const attributes = all<{ id: string; name: string; type: string }>(p, 'SELECT id, name, type FROM case_attributes ORDER BY position');
  const values = all<{ case_id: string; attribute_id: string; value: string }>(p, 'SELECT case_id, attribute_id, value FROM case_attribute_values');
  const valuesByCase = group(values, (v) => v.case_id);
  const integerAttributes = new Set(
    attributes.filter((a) => a.type === 'number' && values.filter((v) => v.attribute_id === a.id).every((v) => Number.isInteger(Number(v.value)))).map((a) => a.id),
  );
  const variableType = (a: { id: string; type: string }) =>
    a.type === 'number' ? (integerAttributes.has(a.id) ? 'Integer' : 'Float') : a.type === 'date' ? 'Date' : a.type === 'boolean' ? 'Boolean' : 'Text';
  const attributeById = new Map(attributes.map((a) => [a.id, a]));
  const caseNodes = caseRows.map((c) => {
    counts.cases++;
    const note = machine('case', c.id, `Case: ${c.name}`, c, c.notes, { created: c.created_at, modified: c.updated_at });
    addLink(note, c.id, 'Comparanda data of this case');
    for (const memo of memosOf.get(`case:${c.id}`) ?? []) addLink(memo.id, c.id, 'Memo on this case');
    return el('Case', { guid: c.id, name: c.name }, [
      c.notes ? textEl('Description', c.notes) : null,
      ...(valuesByCase.get(c.id) ?? []).flatMap((v) => {
        const attribute = attributeById.get(v.attribute_id);
        if (!attribute) return [];
        const type = variableType(attribute);
        const value = type === 'Integer' || type === 'Float' ? decimal(Number(v.value)) : v.value;
        return [el('VariableValue', {}, [el('VariableRef', { targetGUID: attribute.id }), textEl(`${type}Value`, value)])];
      }),
      ...[...(caseSources.get(c.id) ?? [])].map((g) => el('SourceRef', { targetGUID: g })),
      ...[...(caseSelections.get(c.id) ?? [])].map((g) => el('SelectionRef', { targetGUID: g })),
    ]);
  });
  return { caseNodes, attributes, variableType };
}
