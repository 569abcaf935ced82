/** Codes for an excerpt: chosen from the codebook's tree (a popover with a filter), shown as removable chips. */
import * as Popover from '@radix-ui/react-popover';
import { useMemo, useState, type FormEvent } from 'react';
import type { CodeDto } from '../../../electron/contract/api';
import { useT } from '../i18n/use-t';
import { InlineAlert } from '../ui/InlineAlert';
import { useEvidenceAction, useList } from './store';

export interface CodeNode {
  code: CodeDto;
  depth: number;
  path: string;
}

/** The codebook in tree order (depth first, siblings by position), with each code's path "Parent › Child". */
export function flattenCodes(codes: readonly CodeDto[]): CodeNode[] {
  const children = new Map<string | null, CodeDto[]>();
  const known = new Set(codes.map((c) => c.id));
  for (const code of codes) {
    const parent = code.parentId !== null && known.has(code.parentId) ? code.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const out: CodeNode[] = [];
  const walk = (parent: string | null, depth: number, prefix: string) => {
    for (const code of children.get(parent) ?? []) {
      const path = prefix ? `${prefix} › ${code.name}` : code.name;
      out.push({ code, depth, path });
      walk(code.id, depth + 1, path);
    }
  };
  walk(null, 0, '');
  return out;
}

/** A chip's remove mark (its name is in aria-label). */
const CROSS = '×';
const SPACE = ' ';

export function CodePicker({ value, onChange, label }: { value: string[]; onChange: (ids: string[]) => void; label?: string }) {
  const t = useT();
  const codes = useList('codes');
  const create = useEvidenceAction('codes.create');
  const [filter, setFilter] = useState('');
  const [newName, setNewName] = useState('');
  const nodes = useMemo(() => flattenCodes(codes.data ?? []), [codes.data]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.code.id, n])), [nodes]);
  const words = filter.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const shown = words.length === 0 ? nodes : nodes.filter((n) => words.every((w) => n.path.toLocaleLowerCase().includes(w)));
  const chosen = new Set(value);

  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    const made = await create.run({ name });
    if (made) {
      setNewName('');
      onChange([...value, made.id]);
    }
  };

  return (
    <div className="ev-codes">
      <ul className="ev-chips" aria-label={label ?? t('codes.codes')}>
        {value.map((id) => (
          <li key={id} className="ev-chip">
            <span>{byId.get(id)?.path ?? t('codes.removedCode')}</span>
            <button type="button" className="ev-chip-remove" aria-label={t('codes.removeCode', { name: byId.get(id)?.code.name ?? '' })} onClick={() => toggle(id, false)}>
              {CROSS}
            </button>
          </li>
        ))}
        {value.length === 0 ? <li className="muted small">{t('codes.noCodes')}</li> : null}
      </ul>
      <Popover.Root>
        <Popover.Trigger asChild>
          <button type="button" className="button button-small">
            {t('codes.codesButton')}
          </button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content className="popover ev-code-popover" align="start" sideOffset={4} collisionPadding={8}>
            <p className="popover-title">{t('codes.codes')}</p>
            <input
              type="search"
              className="text-input ev-code-filter"
              aria-label={t('codes.filterCodes')}
              placeholder={t('codes.filterPlaceholder')}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <ul className="ev-code-choices" role="group" aria-label={t('codes.codebook')}>
              {shown.map((n) => (
                <li key={n.code.id} style={{ paddingLeft: n.depth * 14 }}>
                  {n.code.isCodable || chosen.has(n.code.id) ? (
                    <label className="check">
                      <input type="checkbox" checked={chosen.has(n.code.id)} onChange={(e) => toggle(n.code.id, e.target.checked)} />
                      <span title={n.path}>{n.code.name}</span>
                    </label>
                  ) : (
                    // A code that only groups others (REFI-QDA's isCodable="false") is no choice: say why.
                    <span className="check ev-code-grouping" data-testid="code-not-codable">
                      <span title={n.path}>{n.code.name}</span>
                      {SPACE}
                      <span className="muted small">{t('codes.onlyGroups')}</span>
                    </span>
                  )}
                </li>
              ))}
              {nodes.length === 0 ? <li className="muted small">{t('codes.emptyCodebook')}</li> : null}
              {nodes.length > 0 && shown.length === 0 ? <li className="muted small">{t('codes.noCodeMatches')}</li> : null}
            </ul>
            <form className="ev-code-new" onSubmit={(e) => void add(e)}>
              <input className="text-input" aria-label={t('codes.newCode')} placeholder={t('codes.newCodePlaceholder')} value={newName} onChange={(e) => setNewName(e.target.value)} />
              <button type="submit" className="button button-small" disabled={create.pending || newName.trim() === ''}>
                {t('codes.add')}
              </button>
            </form>
            {create.error ? <InlineAlert message={create.error.message} /> : null}
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
    </div>
  );
}
