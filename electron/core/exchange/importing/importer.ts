/** The write phase of an import, in one transaction: the order of its steps, and the steps that need all others. */
import type { AttributeType } from '../../../contract/api';
import type { CatalogueText } from '../../../contract/errors';
import { formatText } from '../../../contract/i18n/format';
import { stmt } from '../../db/statements';
import type { QdaProject, VariableType } from '../model';
import type { SkippedItem } from './types';
import { type Row, said, skip, variableToAttribute, sameName, isCalendarDay, asString, asNullableString, rowsOf } from './helpers';
import { EvidenceSteps } from './evidence';
import { derivedGuid } from '../guid';

export class Importer extends EvidenceSteps {
  run(): void {
    this.db.pragma('defer_foreign_keys = ON');
    this.frameworks();
    this.attributes();
    this.cases();
    this.norms();
    this.participants();
    this.ownCells();
    this.codes();
    this.users();
    const placed = this.plans.map((plan) => this.source(plan));
    for (const source of placed) this.selections(source);
    this.sets();
    this.recordTables();
    this.claims();
    this.flags();
    this.memos();
    reportLeftovers(this.qda, this.skipped, this.own.project !== null);
  }

  runCodebook(): void {
    this.codebookOnly = true;
    this.db.pragma('defer_foreign_keys = ON');
    this.norms();
    this.codes();
    this.sets();
    const recognised = this.normCodes.size + this.stageCodes.size;
    if (recognised) this.notes.push(said('codesRecognised', { count: recognised }));
    reportLeftovers({ ...this.qda, users: [] }, this.skipped, false);
  }

  // ---- Variables → case attributes

  protected attributes(): void {
    const ownAttributes = new Map(rowsOf(this.own.project?.attributes).map((a) => [asString(a.id), a]));
    for (const v of this.qda.variables) {
      const mine = ownAttributes.get(v.guid);
      const type = (mine ? asString(mine.type) : variableToAttribute(v.type)) as AttributeType;
      const choices = mine && typeof mine.choices === 'string' ? mine.choices : '[]';
      const existing = stmt(this.db, 'SELECT id, name, type, choices FROM case_attributes WHERE id = ?').get(v.guid) as
        | { id: string; name: string; type: AttributeType; choices: string }
        | undefined;
      const byName = existing
        ? undefined
        : (stmt(this.db, 'SELECT id, name, type, choices FROM case_attributes').all() as { id: string; name: string; type: AttributeType; choices: string }[]).find((a) => sameName(a.name, v.name));
      if (existing) {
        const clash = (stmt(this.db, 'SELECT id, name FROM case_attributes WHERE id != ?').all(v.guid) as { id: string; name: string }[]).some((a) => sameName(a.name, v.name));
        if (!clash) stmt(this.db, 'UPDATE case_attributes SET name = ?, updated_at = ? WHERE id = ?').run(v.name, this.now, v.guid);
        if (existing.type === 'choice' && type === 'choice') {
          const merged = [...new Set([...(JSON.parse(existing.choices) as string[]), ...(JSON.parse(choices) as string[])])];
          stmt(this.db, 'UPDATE case_attributes SET choices = ? WHERE id = ?').run(JSON.stringify(merged), v.guid);
        }
        this.count('attributes', false);
        this.attributeMap.set(v.guid, { id: v.guid, type: existing.type, choices: JSON.parse((stmt(this.db, 'SELECT choices FROM case_attributes WHERE id = ?').get(v.guid) as { choices: string }).choices) as string[], name: v.name });
      } else if (byName) {
        this.notes.push(said('variableMatched', { variable: v.name, attribute: byName.name }));
        this.attributeMap.set(v.guid, { id: byName.id, type: byName.type, choices: JSON.parse(byName.choices) as string[], name: byName.name });
      } else {
        stmt(this.db, 'INSERT INTO case_attributes (id, name, type, choices, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(v.guid, v.name, type, choices, this.nextPosition('case_attributes'), asString(mine?.created_at, this.now), this.now);
        this.count('attributes', true);
        this.attributeMap.set(v.guid, { id: v.guid, type, choices: JSON.parse(choices) as string[], name: v.name });
        if (v.type === 'DateTime') this.notes.push(said('variableDateTime', { variable: v.name }));
      }
    }
  }

  protected encodeValue(attribute: { type: AttributeType; choices: string[] }, type: VariableType, raw: string): string | null {
    const value = raw.trim();
    switch (attribute.type) {
      case 'number': {
        const n = Number(value);
        return value !== '' && Number.isFinite(n) ? String(n) : null;
      }
      case 'boolean':
        return /^(true|1|yes)$/i.test(value) ? 'true' : /^(false|0|no)$/i.test(value) ? 'false' : null;
      case 'date': {
        const date = value.slice(0, 10);
        return isCalendarDay(date) ? date : null;
      }
      case 'choice':
        return attribute.choices.includes(raw) ? raw : null;
      default:
        return type === 'Text' ? raw : value;
    }
  }

  // ---- Cases

  protected cases(): void {
    for (const c of this.qda.cases) {
      const mine = this.own.cases.get(c.guid);
      let id: string | undefined;
      if (this.exists('cases', c.guid)) {
        id = c.guid;
        const fields: Row = { name: mine ? asString(mine.name, c.name) : c.name, notes: mine ? asString(mine.notes) : c.description };
        if (mine) {
          fields.iso_code = typeof mine.iso_code === 'string' && mine.iso_code.length === 3 ? mine.iso_code : null;
          fields.archived_at = asNullableString(mine.archived_at);
        }
        const sets = Object.keys(fields).map((k) => `${k} = @${k}`);
        stmt(this.db, `UPDATE cases SET ${sets.join(', ')}, updated_at = @now WHERE id = @id`).run({ ...fields, now: this.now, id });
        this.count('cases', false);
      } else {
        const byName = (stmt(this.db, 'SELECT id, name FROM cases ORDER BY archived_at IS NOT NULL, position').all() as { id: string; name: string }[]).find((x) => sameName(x.name, c.name));
        if (byName) {
          id = byName.id;
          this.notes.push(said('caseMatched', { case: c.name, existing: byName.name }));
        } else {
          id = c.guid;
          let role = mine && mine.role === 'focal' ? 'focal' : 'comparison';
          if (role === 'focal' && stmt(this.db, "SELECT 1 FROM cases WHERE role = 'focal'").get()) {
            role = 'comparison';
            this.notes.push(said('caseNotFocal', { case: c.name }));
          }
          stmt(this.db, 'INSERT INTO cases (id, name, iso_code, role, notes, position, created_at, updated_at, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
            .run(
              id,
              mine ? asString(mine.name, c.name) : c.name,
              mine && typeof mine.iso_code === 'string' && mine.iso_code.length === 3 ? mine.iso_code : null,
              role,
              mine ? asString(mine.notes) : c.description,
              this.nextPosition('cases'),
              asString(mine?.created_at, this.now),
              this.now,
              mine ? asNullableString(mine.archived_at) : null,
            );
          this.count('cases', true);
        }
      }
      this.caseMap.set(c.guid, id);
      for (const value of c.values) {
        const attribute = this.attributeMap.get(value.variableGuid);
        if (!attribute) {
          this.skipped.push(skip('value', c.name, said('valueNoVariable', { case: c.name })));
          continue;
        }
        const encoded = this.encodeValue(attribute, value.type, value.value);
        if (encoded === null) {
          if (value.value.trim() !== '') {
            this.skipped.push(skip('value', c.name, said('valueInvalid', { value: value.value, variable: attribute.name, case: c.name, type: attribute.type })));
          }
          continue;
        }
        const before = stmt(this.db, 'SELECT value FROM case_attribute_values WHERE case_id = ? AND attribute_id = ?').get(id, attribute.id) as { value: string } | undefined;
        stmt(this.db, 'INSERT INTO case_attribute_values (case_id, attribute_id, value) VALUES (?, ?, ?) ON CONFLICT (case_id, attribute_id) DO UPDATE SET value = excluded.value')
          .run(id, attribute.id, encoded);
        this.count('attributeValues', !before);
      }
      if (c.codeRefs.length) {
        this.skipped.push(skip('case', c.name, said('caseCoded', { case: c.name, count: c.codeRefs.length })));
      }
    }
  }

  // ---- Notes → memos


  /** An item of the file in words, for messages and link memos: its kind and name. */
  /** An item a link names, in English: a memo made of a link keeps it in the project. */
  protected describe(guid: string): string {
    return formatText('en', this.describeText(guid));
  }

  protected describeText(guid: string): CatalogueText {
    const excerpt = this.qda.sources.flatMap((s) => [...s.selections, ...(s.text?.selections ?? [])]).find((x) => x.guid === guid);
    if (excerpt) return said('item', { kind: 'selection', name: excerpt.name || excerpt.text?.slice(0, 60) || guid });
    const found = (
      [
        ['source', this.qda.sources],
        ['code', this.qda.codes],
        ['case', this.qda.cases],
        ['note', this.qda.notes],
      ] as const
    ).map(([kind, list]) => [kind, (list as readonly { guid: string; name: string }[]).find((x) => x.guid === guid)] as const).find(([, item]) => item);
    return said('item', found ? { kind: found[0], name: found[1]!.name } : { kind: 'missing', name: guid });
  }

  protected memos(): void {
    for (const ref of this.qda.noteRefs) this.target(ref, { type: 'project', id: 'project' });
    for (const source of this.qda.sources) {
      const sourceId = this.own.sources.get(source.guid) ? asString(this.own.sources.get(source.guid)!.row.id) : source.guid;
      if (!this.exists('sources', sourceId)) continue;
      for (const ref of source.noteRefs) this.target(ref, { type: 'source', id: sourceId });
    }
    for (const code of this.qda.codes) {
      const norm = this.normCodes.get(code.guid);
      for (const ref of code.noteRefs) this.target(ref, norm ? { type: 'norm', id: norm } : { type: 'project', id: 'project', prefix: `Code “${code.name}”` });
    }
    const resolve = (guid: string): { type: string; id: string } | null => {
      const caseId = this.qda.cases.find((c) => c.guid === guid) ? this.caseMap.get(guid) : undefined;
      if (caseId) return { type: 'case', id: caseId };
      if (this.exists('excerpts', guid) && this.excerptHolder.has(guid)) return { type: 'excerpt', id: guid };
      const source = this.qda.sources.find((s) => s.guid === guid);
      if (source) {
        const sourceId = this.own.sources.get(guid) ? asString(this.own.sources.get(guid)!.row.id) : guid;
        if (this.exists('sources', sourceId)) return { type: 'source', id: sourceId };
      }
      const norm = this.normCodes.get(guid);
      if (norm) return { type: 'norm', id: norm };
      return null;
    };
    // A note linked to an item becomes a memo on it (below). Any other link (excerpt to excerpt, source to code...)
    // is kept in words, as a memo on its origin naming the other end; a link neither end of which was imported is
    // listed as lost, one by one.
    const notes = new Set(this.qda.notes.map((n) => n.guid));
    for (const link of this.qda.links) {
      if (!link.originGuid || !link.targetGuid) continue;
      const target = resolve(link.targetGuid);
      if (notes.has(link.originGuid) && target) {
        this.target(link.originGuid, target);
        continue;
      }
      if (this.own.project !== null) continue;
      const origin = resolve(link.originGuid);
      const called = link.name.trim() ? `Link “${link.name.trim()}”` : 'A link';
      if (!origin) {
        const lost = said('linkLost', {
          named: link.name.trim() ? 'yes' : 'no',
          link: link.name.trim(),
          origin: this.describeText(link.originGuid),
          target: this.describeText(link.targetGuid),
          why: notes.has(link.originGuid) ? 'note' : 'origin',
        });
        this.skipped.push(skip('link', link.name, lost));
        continue;
      }
      const created = this.upsert('memos', {
        id: link.guid ?? derivedGuid('link', link.originGuid, link.targetGuid),
        target_type: origin.type,
        target_id: origin.id,
        text: `${called} (from the imported file) to ${this.describe(link.targetGuid)}${target || this.exists('codes', link.targetGuid) ? '' : ', which was not imported'}.`,
        created_at: this.now,
        updated_at: this.now,
      });
      this.count('memos', created);
    }

    for (const note of this.qda.notes) {
      if (this.own.consumed.has(note.guid)) continue;
      const text = this.noteTexts.get(note.guid) ?? null;
      const mine = this.own.memos.get(note.guid);
      let targetType = 'project';
      let targetId = 'project';
      let memoText: string;
      if (mine) {
        const type = asString(mine.target_type);
        const id = asString(mine.target_id);
        const mapped = type === 'case' ? this.caseMap.get(id) : type === 'cell' ? this.cellMap.get(id) : id;
        const table = { case: 'cases', cell: 'cells', norm: 'norms', source: 'sources', excerpt: 'excerpts' }[type];
        if (type !== 'project' && (!table || !mapped || !this.exists(table, mapped))) {
          this.skipped.push(skip('note', note.name, said('memoOrphan', { memo: note.name, type })));
          continue;
        }
        targetType = type;
        targetId = type === 'project' ? id : mapped!;
        memoText = text ?? '';
      } else {
        const target = this.noteTargets.get(note.guid);
        const parts = [note.name && note.name !== (text ?? '').trim() ? note.name : '', note.description.trim(), (text ?? '').trim()].filter(Boolean);
        if (target) {
          targetType = target.type;
          targetId = target.id;
          if (target.prefix) parts.unshift(`${target.prefix}:`);
        }
        memoText = parts.join('\n\n');
      }
      if (memoText.trim() === '') {
        this.skipped.push(skip('note', note.name, said('noteEmpty', { note: note.name || note.guid })));
        continue;
      }
      const created = this.upsert('memos', {
        id: note.guid,
        target_type: targetType,
        target_id: targetId,
        text: memoText,
        created_at: mine ? asString(mine.created_at, this.now) : this.now,
        updated_at: this.now,
      });
      this.count('memos', created);
    }
  }

}

/** What is left over; `preview` also speaks of the links in general (the import keeps or lists each one). */
export function reportLeftovers(qda: QdaProject, skipped: SkippedItem[], ours: boolean, preview = false): void {
  if (qda.graphs) skipped.push(skip('graph', said('madeName', { what: 'graphs' }), said('graphs', { count: qda.graphs })));
  if (qda.links.length && !ours && preview) {
    skipped.push(skip('link', said('madeName', { what: 'links' }), said('linksPreview', { count: qda.links.length })));
  }
  for (const problem of qda.problems) skipped.push(skip('record', '', problem));
}
