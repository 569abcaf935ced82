/**
 * Codes × cases and codes × stages (NVivo's matrix coding query, MAXQDA's code matrix browser): a dense grid of how
 * many coded excerpts are evidence for each case (or stage), and how many for no cell yet. Arrow keys move through
 * the counts, Enter (or a click) lists a count's excerpts below, each of which opens in its source or is linked to a
 * matrix cell as evidence. The details pane codes every excerpt a search finds (AutoCodePanel).
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { CodeMatrixBy, CodeMatrixDto, ExcerptDto, ProjectOverview } from '../../../electron/contract/api';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/use-t';
import { frameworkOf } from '../matrix/matrix-model';
import { InlineAlert } from '../ui/InlineAlert';
import { useProject } from '../workbench-context';
import { flattenCodes } from './CodePicker';
import { attribution, citedText, shorten } from './format';
import { useEvidenceAction, useEvidenceQuery, useEvidenceStore, useList } from './store';
import { Facts } from './ui';
import './code-matrix.css';

interface Chosen {
  codeId: string;
  /** A case or stage id; null = the excerpts linked to no cell. */
  columnId: string | null;
}

/** Keys by the names printed on them; marks that are not words. */
const ENTER = 'Enter';
const OR = 'OR';
const ZERO = '·';
/** An em space a level: the sub-codes' indent in a plain select. */
const INDENT = '\u2003';

/** How dark a count's shade is, in five steps of the largest count (the number is always written too). */
function shade(n: number, max: number): number {
  if (n === 0 || max === 0) return 0;
  return Math.max(1, Math.ceil((n / max) * 4));
}

export function CodeMatrixView() {
  const t = useT();
  const intl = useIntl();
  const { overview } = useProject();
  const codes = useList('codes');
  const [by, setBy] = useState<CodeMatrixBy>('case');
  const [normId, setNormId] = useState('');
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [active, setActive] = useState<{ r: number; c: number }>({ r: 0, c: 0 });
  const gridRef = useRef<HTMLTableElement>(null);
  const matrix = useEvidenceQuery('codes.matrix', normId ? { by, normId } : { by });
  const nodes = useMemo(() => flattenCodes(codes.data ?? []), [codes.data]);
  const norms = overview?.norms.filter((n) => !n.archived) ?? [];
  const data = matrix.data;
  const rowsById = useMemo(() => new Map((data?.rows ?? []).map((r) => [r.codeId, r])), [data]);
  const max = useMemo(() => Math.max(0, ...(data?.rows ?? []).flatMap((r) => [...r.counts, r.unlinked])), [data]);
  const columnCount = (data?.columns.length ?? 0) + 1;

  const columnIdAt = (c: number): string | null => (data && c < data.columns.length ? data.columns[c]!.id : null);
  const open = (r: number, c: number) => {
    const node = nodes[r];
    if (!node || !data) return;
    setActive({ r, c });
    setChosen({ codeId: node.code.id, columnId: columnIdAt(c) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    let { r, c } = active;
    switch (event.key) {
      case 'ArrowDown':
        r = Math.min(r + 1, nodes.length - 1);
        break;
      case 'ArrowUp':
        r = Math.max(r - 1, 0);
        break;
      case 'ArrowRight':
        c = Math.min(c + 1, columnCount - 1);
        break;
      case 'ArrowLeft':
        c = Math.max(c - 1, 0);
        break;
      case 'Home':
        c = 0;
        if (event.ctrlKey) r = 0;
        break;
      case 'End':
        c = columnCount - 1;
        if (event.ctrlKey) r = nodes.length - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        open(r, c);
        return;
      default:
        return;
    }
    event.preventDefault();
    setActive({ r, c });
    gridRef.current?.querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)?.focus();
  };

  const columnLabel = (columnId: string | null) => (columnId === null ? t('codes.linkedToNoCell') : (data?.columns.find((col) => col.id === columnId)?.label ?? ''));
  const chosenCode = chosen ? nodes.find((n) => n.code.id === chosen.codeId) : undefined;

  return (
    <section className="ev-view cm-view" aria-labelledby="cm-title" data-testid="code-matrix">
      <header className="page-header ev-header">
        <div>
          <p className="eyebrow">{t('evidence.navEvidence')}</p>
          <h2 id="cm-title" className="matrix-norm">
            {by === 'case' ? t('codes.codesByCases') : t('codes.codesByStages')}
          </h2>
        </div>
        <div className="cm-controls">
          <fieldset className="cm-by">
            <legend className="visually-hidden">{t('codes.countPer')}</legend>
            {(['case', 'stage'] as const).map((value) => (
              <label key={value} className="choice">
                <input
                  type="radio"
                  name="cm-by"
                  checked={by === value}
                  onChange={() => {
                    setBy(value);
                    setChosen(null);
                  }}
                />
                <span>{value === 'case' ? t('codes.perCase') : t('codes.perStage')}</span>
              </label>
            ))}
          </fieldset>
          <label className="toolbar-field">
            <span className="toolbar-label">{t('evidence.norm')}</span>
            <select
              className="native-select"
              value={normId}
              onChange={(e) => {
                setNormId(e.target.value);
                setChosen(null);
              }}
            >
              <option value="">{t('codes.allNorms')}</option>
              {norms.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.shortLabel || n.label}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <p className="muted small cm-explain">{t('codes.explain', { by, norm: normId ? 'yes' : 'no' })}</p>
      {matrix.error ? <InlineAlert message={matrix.error.message} actionLabel={t('evidence.tryAgain')} onAction={matrix.reload} /> : null}
      {codes.data && codes.data.length === 0 ? (
        <p className="muted">{t('codes.matrixEmpty')}</p>
      ) : !data ? (
        <p className="muted">{t('codes.counting')}</p>
      ) : (
        <div className="cm-scroll">
          <table ref={gridRef} className="cm-grid" role="grid" aria-labelledby="cm-title" aria-rowcount={nodes.length + 1} onKeyDown={onKeyDown}>
            <thead>
              <tr>
                <th scope="col" className="cm-code-head">
                  {t('codes.code')}
                </th>
                {data.columns.map((col) => (
                  <th key={col.id} scope="col" className="cm-col-head" title={col.label}>
                    {col.label}
                  </th>
                ))}
                <th scope="col" className="cm-col-head cm-unlinked-head" title={t('codes.noCellHint')}>
                  {t('codes.noCell')}
                </th>
                <th scope="col" className="cm-col-head cm-total-head">
                  {t('codes.allColumn')}
                </th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((node, r) => {
                const row = rowsById.get(node.code.id);
                const values = [...(row?.counts ?? data.columns.map(() => 0)), row?.unlinked ?? 0];
                return (
                  <tr key={node.code.id}>
                    <th scope="row" className="cm-code" style={{ paddingLeft: 8 + node.depth * 14 }} title={node.path}>
                      {node.code.name}
                    </th>
                    {values.map((n, c) => {
                      const isActive = active.r === r && active.c === c;
                      const isChosen = chosen?.codeId === node.code.id && chosen.columnId === columnIdAt(c);
                      return (
                        <td
                          key={c}
                          role="gridcell"
                          data-r={r}
                          data-c={c}
                          tabIndex={isActive ? 0 : -1}
                          className={`cm-count cm-shade-${shade(n, max)}${isChosen ? ' is-chosen' : ''}${n === 0 ? ' is-zero' : ''}`}
                          aria-selected={isChosen}
                          aria-label={t('codes.countOf', { code: node.code.name, column: columnLabel(columnIdAt(c)), count: n })}
                          onClick={() => open(r, c)}
                          onFocus={() => setActive({ r, c })}
                        >
                          {n === 0 ? ZERO : intl.formatNumber(n)}
                        </td>
                      );
                    })}
                    <td className="cm-total">{intl.formatNumber(row?.total ?? 0)}</td>
                  </tr>
                );
              })}
              <tr className="cm-totals">
                <th scope="row" className="cm-code">
                  {t('codes.anyCode')}
                </th>
                {data.columnTotals.map((n, c) => (
                  <td key={c} className="cm-total">
                    {intl.formatNumber(n)}
                  </td>
                ))}
                <td className="cm-total" />
                <td className="cm-total" />
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">{t('codes.matrixKeys', { enter: ENTER })}</p>
      {chosen && chosenCode && data ? (
        <CountExcerpts key={`${chosen.codeId}:${chosen.columnId}:${by}:${normId}`} data={data} chosen={chosen} codeName={chosenCode.code.name} columnLabel={columnLabel(chosen.columnId)} overview={overview} />
      ) : null}
    </section>
  );
}

function CountExcerpts({ data, chosen, codeName, columnLabel, overview }: { data: CodeMatrixDto; chosen: Chosen; codeName: string; columnLabel: string; overview: ProjectOverview | undefined }) {
  const t = useT();
  const store = useEvidenceStore();
  const sources = useList('sources');
  const participants = useList('participants');
  const excerpts = useEvidenceQuery('codes.matrixExcerpts', { by: data.by, codeId: chosen.codeId, columnId: chosen.columnId, ...(data.normId ? { normId: data.normId } : {}) });
  const [linking, setLinking] = useState<string | null>(null);
  const titleOf = (id: string) => sources.data?.find((s) => s.id === id)?.title ?? '';
  const list = excerpts.data ?? [];
  return (
    <section className="cm-excerpts" aria-labelledby="cm-excerpts-title" data-testid="code-matrix-excerpts">
      <h3 id="cm-excerpts-title" className="section-heading">
        {excerpts.data ? t('codes.countOf', { code: codeName, column: columnLabel, count: list.length }) : t('codes.countHeading', { code: codeName, column: columnLabel })}
      </h3>
      {excerpts.error ? <InlineAlert message={excerpts.error.message} actionLabel={t('evidence.tryAgain')} onAction={excerpts.reload} /> : null}
      {excerpts.data && list.length === 0 ? <p className="muted small">{t('codes.none')}</p> : null}
      <ul className="ev-excerpt-list">
        {list.map((e) => {
          const who = attribution(e, participants.data);
          return (
            <li key={e.id} className="cm-excerpt" data-excerpt-id={e.id}>
              <button type="button" className="ev-excerpt-item" onClick={() => store.openExcerpt(e)} title={e.documentId ? t('evidence.openInDocument') : t('evidence.openTheExcerpt')}>
                <span className={`ev-excerpt-text is-${e.textKind}`} lang={e.language || undefined}>
                  {shorten(citedText(e), 220)}
                </span>
                <span className="ev-excerpt-meta">
                  {e.textKind === 'paraphrase' ? <span className="ev-kind-tag">{t('evidence.paraphraseTag')}</span> : null}
                  <Facts items={[who ? `— ${who}` : null, shorten(titleOf(e.sourceId), 60), e.locator, t('codes.cells', { count: e.cellIds.length })]} />
                </span>
              </button>
              {linking === e.id ? (
                <LinkToCell excerpt={e} data={data} chosen={chosen} overview={overview} onDone={() => setLinking(null)} />
              ) : (
                <button type="button" className="button button-small" onClick={() => setLinking(e.id)}>
                  {t('codes.linkToCellButton')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Links an excerpt to a matrix cell as evidence; the count's case or stage (and norm) are chosen already. */
function LinkToCell({ excerpt, data, chosen, overview, onDone }: { excerpt: ExcerptDto; data: CodeMatrixDto; chosen: Chosen; overview: ProjectOverview | undefined; onDone: () => void }) {
  const t = useT();
  const link = useEvidenceAction('excerpts.link');
  const id = useId();
  const cases = overview?.cases.filter((c) => !c.archived) ?? [];
  const norms = overview?.norms.filter((n) => !n.archived) ?? [];
  const [normId, setNormId] = useState(data.normId ?? norms[0]?.id ?? '');
  const stages = frameworkOf(
    norms.find((n) => n.id === normId),
    overview?.frameworks ?? [],
  )?.stages ?? [];
  const [caseId, setCaseId] = useState((data.by === 'case' && chosen.columnId) || (cases.find((c) => c.role === 'focal') ?? cases[0])?.id || '');
  const [stageId, setStageId] = useState((data.by === 'stage' && chosen.columnId) || stages[0]?.id || '');
  const stage = stages.some((s) => s.id === stageId) ? stageId : (stages[0]?.id ?? '');
  const submit = async () => {
    const done = await link.run({ excerptId: excerpt.id, caseId, normId, stageId: stage });
    if (done) onDone();
  };
  return (
    <form
      className="cm-link"
      aria-label={t('evidence.linkToCell')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="visually-hidden" htmlFor={`${id}-case`}>
        {t('evidence.case')}
      </label>
      <select id={`${id}-case`} className="native-select" value={caseId} onChange={(e) => setCaseId(e.target.value)} autoFocus>
        {cases.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`${id}-norm`}>
        {t('evidence.norm')}
      </label>
      <select id={`${id}-norm`} className="native-select" value={normId} onChange={(e) => setNormId(e.target.value)}>
        {norms.map((n) => (
          <option key={n.id} value={n.id}>
            {n.shortLabel || n.label}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`${id}-stage`}>
        {t('evidence.stage')}
      </label>
      <select id={`${id}-stage`} className="native-select" value={stage} onChange={(e) => setStageId(e.target.value)}>
        {stages.map((s) => (
          <option key={s.id} value={s.id}>
            {s.position} {s.label}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-small button-primary" disabled={link.pending || !caseId || !normId || !stage}>
        {t('evidence.link')}
      </button>
      <button type="button" className="button button-small" onClick={onDone}>
        {t('common.cancel')}
      </button>
      {link.error ? <InlineAlert message={link.error.message} /> : null}
    </form>
  );
}

/** The details pane of the code matrix: codes every excerpt a search finds, in one step (Undo takes it back). */
export function AutoCodePanel() {
  const t = useT();
  const codes = useList('codes');
  const auto = useEvidenceAction('codes.autoCode');
  const nodes = useMemo(() => flattenCodes(codes.data ?? []), [codes.data]);
  const [codeId, setCodeId] = useState('');
  const [q, setQ] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const id = useId();
  const submit = async () => {
    setDone(null);
    const result = await auto.run({ codeId, q: q.trim() });
    if (!result) return;
    const name = nodes.find((n) => n.code.id === codeId)?.code.name ?? '';
    setDone(
      result.matched === 0
        ? t('codes.autoNoMatch', { q: q.trim() })
        : result.alreadyCoded > 0
          ? t('codes.autoDoneAlready', { count: result.coded, name, already: result.alreadyCoded })
          : t('codes.autoDone', { count: result.coded, name }),
    );
  };
  return (
    <section className="details" aria-labelledby={`${id}-title`} data-testid="auto-code">
      <h2 id={`${id}-title`} className="pane-heading">
        {t('codes.codeHits')}
      </h2>
      <p className="muted small">{t('codes.autoCodeExplain', { or: OR })}</p>
      <form
        className="form-stack"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span className="field-label">{t('codes.search')}</span>
          <input className="text-input" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('codes.autoCodePlaceholder', { or: OR })} autoComplete="off" />
        </label>
        <label className="field">
          <span className="field-label">{t('codes.code')}</span>
          <select className="native-select" value={codeId} onChange={(e) => setCodeId(e.target.value)}>
            <option value="">{t('codes.chooseCode')}</option>
            {nodes.map((n) => (
              <option key={n.code.id} value={n.code.id}>
                {INDENT.repeat(n.depth)}
                {n.code.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button button-primary" disabled={auto.pending || !codeId || q.trim() === ''}>
          {t('codes.codeAllHits')}
        </button>
      </form>
      {auto.error ? <InlineAlert message={auto.error.message} /> : null}
      {done ? (
        <p className="small" role="status">
          {done}
        </p>
      ) : null}
    </section>
  );
}
