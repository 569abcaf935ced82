/**
 * The codebook as a tree (ARIA tree: Up/Down move, Right opens or goes to the first sub-code, Left closes or goes
 * to the parent, F2 renames, Delete deletes after asking). The details pane edits the selected code: name,
 * description, where it sits (moving it), and lists the excerpts coded with it.
 */
import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CodeDto } from '../../../electron/contract/api';
import { api } from '../api';
import { useT } from '../i18n/use-t';
import { AutoTextArea, AutoTextField } from '../ui/fields';
import { ChevronIcon, PlusIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { flattenCodes, type CodeNode } from './CodePicker';
import { citedText, shorten } from './format';
import { useEvidenceAction, useEvidenceState, useEvidenceStore, useList } from './store';
import { ConfirmDialog } from './ui';

/** The key's name as printed on keyboards everywhere. */
const DELETE_KEY = 'Delete';
/** Two spaces a level: the sub-codes' indent in a plain select. */
const INDENT = '  ';

export function CodebookView() {
  const t = useT();
  const store = useEvidenceStore();
  const codes = useList('codes');
  const excerpts = useList('excerpts');
  const selectedId = useEvidenceState((s) => s.codeId);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<{ kind: 'add'; parentId: string | null } | { kind: 'delete'; code: CodeDto } | null>(null);
  const nodes = useMemo(() => flattenCodes(codes.data ?? []), [codes.data]);
  const hasChildren = useMemo(() => new Set((codes.data ?? []).map((c) => c.parentId).filter((p): p is string => p !== null)), [codes.data]);
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const e of excerpts.data ?? []) for (const id of e.codeIds) map.set(id, (map.get(id) ?? 0) + 1);
    return map;
  }, [excerpts.data]);

  // Only the nodes whose ancestors are all open.
  const visible = useMemo(() => {
    const out: CodeNode[] = [];
    const hiddenBelow: number[] = [];
    for (const node of nodes) {
      while (hiddenBelow.length > 0 && hiddenBelow.at(-1)! >= node.depth) hiddenBelow.pop();
      if (hiddenBelow.length > 0) continue;
      out.push(node);
      if (collapsed.has(node.code.id)) hiddenBelow.push(node.depth);
    }
    return out;
  }, [nodes, collapsed]);

  const setOpen = (id: string, open: boolean) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (open) next.delete(id);
      else next.add(id);
      return next;
    });

  const focusCode = (id: string) => {
    store.selectCode(id);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-code-id="${CSS.escape(id)}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const at = visible.findIndex((n) => n.code.id === selectedId);
    const node = visible[at];
    switch (event.key) {
      case 'ArrowDown':
        if (visible[at + 1]) focusCode(visible[at + 1]!.code.id);
        break;
      case 'ArrowUp':
        if (at > 0) focusCode(visible[at - 1]!.code.id);
        break;
      case 'Home':
        if (visible[0]) focusCode(visible[0].code.id);
        break;
      case 'End':
        if (visible.length > 0) focusCode(visible.at(-1)!.code.id);
        break;
      case 'ArrowRight':
        if (!node || !hasChildren.has(node.code.id)) return;
        if (collapsed.has(node.code.id)) setOpen(node.code.id, true);
        else if (visible[at + 1]) focusCode(visible[at + 1]!.code.id);
        break;
      case 'ArrowLeft':
        if (!node) return;
        if (hasChildren.has(node.code.id) && !collapsed.has(node.code.id)) setOpen(node.code.id, false);
        else if (node.code.parentId) focusCode(node.code.parentId);
        break;
      case 'F2':
      case 'Enter':
        document.querySelector<HTMLElement>('[data-testid="code-details"] input')?.focus();
        break;
      case 'Delete':
        if (node) setDialog({ kind: 'delete', code: node.code });
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const tabStop = visible.some((n) => n.code.id === selectedId) ? selectedId : visible[0]?.code.id;
  const selected = codes.data?.find((c) => c.id === selectedId);

  return (
    <section className="ev-view ev-codebook" aria-labelledby="ev-codebook-title" data-testid="codebook-view">
      <header className="page-header ev-header">
        <div>
          <p className="eyebrow">{t('evidence.navEvidence')}</p>
          <h2 id="ev-codebook-title" className="matrix-norm">
            {t('codes.codebook')}
          </h2>
          <p className="muted">{t('codes.codebookIntro')}</p>
        </div>
        <div className="button-row">
          <button type="button" className="button" onClick={() => setDialog({ kind: 'add', parentId: null })}>
            <PlusIcon /> {t('codes.newCodeButton')}
          </button>
          <button type="button" className="button" disabled={!selected} onClick={() => selected && setDialog({ kind: 'add', parentId: selected.id })}>
            <PlusIcon /> {t('codes.subCodeButton')}
          </button>
        </div>
      </header>
      {codes.error ? <InlineAlert message={codes.error.message} actionLabel={t('evidence.tryAgain')} onAction={codes.retry} /> : null}
      {codes.data && nodes.length === 0 ? (
        <p className="muted ev-empty">{t('codes.emptyCodebookLong')}</p>
      ) : (
        <ul className="ev-tree" role="tree" aria-label={t('codes.codebook')} onKeyDown={onKeyDown} data-testid="code-tree">
          {visible.map((node) => {
            const id = node.code.id;
            const parent = hasChildren.has(id);
            const open = !collapsed.has(id);
            return (
              <li
                key={id}
                role="treeitem"
                aria-level={node.depth + 1}
                aria-expanded={parent ? open : undefined}
                aria-selected={id === selectedId}
                tabIndex={id === tabStop ? 0 : -1}
                data-code-id={id}
                className={`ev-tree-item${id === selectedId ? ' is-selected' : ''}`}
                style={{ paddingLeft: 8 + node.depth * 18 }}
                onClick={() => store.selectCode(id)}
                onFocus={() => store.selectCode(id)}
              >
                {parent ? (
                  <span
                    className={`ev-twisty${open ? ' is-open' : ''}`}
                    aria-hidden="true"
                    onClick={(e) => {
                      e.stopPropagation();
                      setOpen(id, !open);
                    }}
                  >
                    <ChevronIcon />
                  </span>
                ) : (
                  <span className="ev-twisty" aria-hidden="true" />
                )}
                <span className="ev-tree-name">{node.code.name}</span>
                {counts.get(id) ? <span className="ev-tree-count numeric">{counts.get(id)}</span> : null}
              </li>
            );
          })}
        </ul>
      )}
      <p className="matrix-hint muted">{t('codes.treeKeys', { del: DELETE_KEY })}</p>
      {dialog?.kind === 'add' ? (
        <AddCodeDialog
          parent={codes.data?.find((c) => c.id === dialog.parentId) ?? null}
          onClose={() => setDialog(null)}
          onCreated={(code) => {
            setDialog(null);
            if (code.parentId) setOpen(code.parentId, true);
            focusCode(code.id);
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? <DeleteCodeDialog code={dialog.code} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}

function DeleteCodeDialog({ code, onClose }: { code: CodeDto; onClose: () => void }) {
  const t = useT();
  const store = useEvidenceStore();
  const excerpts = useList('excerpts');
  const used = excerpts.data?.filter((e) => e.codeIds.includes(code.id)).length ?? 0;
  return (
    <ConfirmDialog
      title={t('codes.deleteCodeTitle', { name: code.name })}
      message={used > 0 ? t('codes.deleteCodeUsed', { count: used }) : t('codes.deleteCodeUnused')}
      confirmLabel={t('codes.deleteCode')}
      onClose={onClose}
      onConfirm={async () => {
        await store.run('codes.remove', { id: code.id });
        store.selectCode(code.parentId);
      }}
    />
  );
}

function AddCodeDialog({ parent, onClose, onCreated }: { parent: CodeDto | null; onClose: () => void; onCreated: (code: CodeDto) => void }) {
  const t = useT();
  const create = useEvidenceAction('codes.create');
  const [name, setName] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await create.run({ name: name.trim(), parentId: parent?.id ?? null });
    if (made) onCreated(made);
  };
  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={parent ? t('codes.newSubCodeOf', { name: parent.name }) : t('codes.newCode')}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">{t('codes.name')}</span>
          <input className="text-input" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('codes.namePlaceholder')} autoComplete="off" autoFocus />
        </label>
        {create.error ? <InlineAlert message={create.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={create.pending || name.trim() === ''}>
            {t('codes.addCode')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function CodeDetails({ codeId }: { codeId: string | null }) {
  const t = useT();
  const codes = useList('codes');
  const code = codeId ? codes.data?.find((c) => c.id === codeId) : undefined;
  if (!code) {
    return (
      <div className="details" data-testid="code-details-empty">
        <h2 className="pane-heading">{t('codes.code')}</h2>
        <p className="muted">{t('codes.codeHelp')}</p>
      </div>
    );
  }
  return <CodeEditor key={code.id} code={code} all={codes.data ?? []} />;
}

function CodeEditor({ code, all }: { code: CodeDto; all: CodeDto[] }) {
  const t = useT();
  const store = useEvidenceStore();
  const excerpts = useList('excerpts');
  const move = useEvidenceAction('codes.update');
  const [deleting, setDeleting] = useState(false);
  const where = t('codes.codeWhere', { name: code.name });
  const onSaved = () => store.afterFieldSave(['codes']);
  const nodes = flattenCodes(all);
  // A code cannot move under itself or its own sub-codes.
  const below = new Set<string>([code.id]);
  for (const node of nodes) if (node.code.parentId && below.has(node.code.parentId)) below.add(node.code.id);
  const coded = excerpts.data?.filter((e) => e.codeIds.includes(code.id)) ?? [];

  return (
    <section className="details" data-testid="code-details" aria-labelledby="ev-code-title">
      <p className="eyebrow">{t('codes.code')}</p>
      <h2 id="ev-code-title" className="details-title">
        {nodes.find((n) => n.code.id === code.id)?.path ?? code.name}
      </h2>
      <div className="form-stack">
        <AutoTextField
          label={t('codes.name')}
          saveKey={`code:${code.id}:name`}
          where={where}
          value={code.name}
          send={(value) => api['codes.update']({ id: code.id, name: value.trim() })}
          validate={(value) => (value.trim() === '' ? t('codes.nameRequired') : null)}
          onSaved={onSaved}
        />
        <AutoTextArea
          label={t('codes.description')}
          saveKey={`code:${code.id}:description`}
          where={where}
          value={code.description}
          send={(value) => api['codes.update']({ id: code.id, description: value })}
          onSaved={onSaved}
          rows={3}
          placeholder={t('codes.descriptionPlaceholder')}
        />
        <label className="field">
          <span className="field-label">{t('codes.placedUnder')}</span>
          <select className="native-select" value={code.parentId ?? ''} onChange={(e) => void move.run({ id: code.id, parentId: e.target.value === '' ? null : e.target.value })}>
            <option value="">{t('codes.topLevel')}</option>
            {nodes
              .filter((n) => !below.has(n.code.id))
              .map((n) => (
                <option key={n.code.id} value={n.code.id}>
                  {INDENT.repeat(n.depth)}
                  {n.path}
                </option>
              ))}
          </select>
        </label>
      </div>
      {move.error ? <InlineAlert message={move.error.message} actionLabel={t('evidence.dismiss')} onAction={move.clearError} /> : null}
      <section className="details-section" aria-labelledby="ev-code-excerpts">
        <h3 id="ev-code-excerpts" className="section-heading">
          {t('codes.codedExcerpts', { count: coded.length })}
        </h3>
        {coded.length === 0 ? (
          <p className="muted small">{t('codes.noneCodedYet')}</p>
        ) : (
          <ul className="ev-excerpt-list">
            {coded.map((e) => (
              <li key={e.id}>
                <button type="button" className="ev-excerpt-item" onClick={() => store.openExcerpt(e)}>
                  <span className={`ev-excerpt-text is-${e.textKind}`}>{shorten(citedText(e), 140)}</span>
                  <span className="ev-excerpt-meta">
                    {e.textKind === 'paraphrase' ? <span className="ev-kind-tag">{t('evidence.paraphraseTag')}</span> : null} {e.locator}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="details-section">
        <button type="button" className="button button-small" onClick={() => setDeleting(true)}>
          {t('codes.deleteCodeButton')}
        </button>
      </div>
      {deleting ? <DeleteCodeDialog code={code} onClose={() => setDeleting(false)} /> : null}
    </section>
  );
}
