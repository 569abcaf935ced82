/** The code book: the project's codes, and each norm as a code with its stages as child codes. */
import { paletteColour } from '../../../contract/palette';
import type { Project } from '../../project';
import { markDescription } from '../notes';
import { el, textEl, type XmlNode } from '../xml';
import { all, group, stageCodeGuid, type CodeRow, type NormRow, type QdpxCounts, type StageRow } from './rows';

export function codeTree(p: Project, withNotes: boolean, counts: QdpxCounts, extraNoteRefs: Map<string, string[]>): XmlNode[] {
  const codes = all<CodeRow>(p, 'SELECT id, parent_id, name, description, palette, color, is_codable FROM codes ORDER BY position, rowid');
  const children = group(codes, (c) => c.parent_id);
  const render = (code: CodeRow): XmlNode => {
    counts.codes++;
    return el('Code', { guid: code.id, name: code.name, isCodable: code.is_codable !== 0, color: code.color ?? paletteColour(code.palette) }, [
      code.description ? textEl('Description', code.description) : null,
      ...(children.get(code.id) ?? []).map(render),
    ]);
  };
  const nodes = (children.get(null) ?? []).map(render);

  // Each norm as a code, its stages as child codes: the matrix's rows survive in any QDA program.
  const norms = all<NormRow>(p, 'SELECT id, label, description, framework_id FROM norms ORDER BY archived_at IS NOT NULL, position, rowid');
  const stages = group(all<StageRow>(p, 'SELECT id, framework_id, position, label, description, archived_at FROM stages ORDER BY position'), (s) => s.framework_id);
  const usedStages = new Set(all<{ key: string }>(p, "SELECT DISTINCT norm_id || '/' || stage_id AS key FROM cells").map((r) => r.key));
  const stageNotes = new Map(all<{ norm_id: string; stage_id: string; description: string }>(p, 'SELECT norm_id, stage_id, description FROM norm_stage_notes').map((r) => [`${r.norm_id}/${r.stage_id}`, r.description]));
  for (const norm of norms) {
    counts.normCodes++;
    const stageCodes = (stages.get(norm.framework_id) ?? [])
      .filter((s) => s.archived_at === null || usedStages.has(`${norm.id}/${s.id}`))
      .map((stage) => {
        counts.stageCodes++;
        const guid = stageCodeGuid(norm.id, stage.id);
        return el('Code', { guid, name: stage.label, isCodable: true, color: paletteColour(0) }, [
          textEl('Description', markDescription(stageNotes.get(`${norm.id}/${stage.id}`) || stage.description, { kind: 'stage', normId: norm.id, stageId: stage.id })),
          ...(withNotes ? (extraNoteRefs.get(guid) ?? []).map((g) => el('NoteRef', { targetGUID: g })) : []),
        ]);
      });
    nodes.push(
      el('Code', { guid: norm.id, name: norm.label, isCodable: false, color: paletteColour(5) }, [
        textEl('Description', markDescription(norm.description, { kind: 'norm', normId: norm.id })),
        ...(withNotes ? (extraNoteRefs.get(norm.id) ?? []).map((g) => el('NoteRef', { targetGUID: g })) : []),
        ...stageCodes,
      ]),
    );
  }
  return nodes;
}
