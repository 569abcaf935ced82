/**
 * The regional-context band under the matrix: which regional norms (SCO sovereignty and non-interference,
 * alternative observation...) bear on the cases in view during the period of the selected cell (or of the cells in
 * view), through their memberships or through the cells the norms are linked to. One line; expands to the details.
 */
import { useMemo, useState } from 'react';
import type { CaseDto, CellDto } from '../../../electron/contract/api';
import { ChevronIcon } from '../ui/icons';
import { useProject } from '../workbench-context';
import { bearings, formatPeriod, membershipPeriod, normPeriod, type Period } from './context-model';
import { MEMBERSHIP_LABELS } from './labels';
import { VerificationTag } from './RecordBits';
import { useRecord, useRecordStore } from './record-store';

interface ContextBandProps {
  /** The cases the matrix shows. */
  cases: readonly CaseDto[];
  /** The norms the matrix shows. */
  normIds: readonly string[];
  cells: ReadonlyMap<string, CellDto> | undefined;
  /** cellKey(norm, case, stage) of the selected cell, if any. */
  selectedKey: string | null;
}

export function ContextBand({ cases, normIds, cells, selectedKey }: ContextBandProps) {
  const context = useRecord('context');
  const record = useRecordStore();
  const { overview } = useProject();
  const [open, setOpen] = useState(false);

  const model = useMemo(() => {
    if (!context.data || !cells) return null;
    const caseIds = new Set(cases.map((c) => c.id));
    const inView = [...cells.values()].filter((c) => caseIds.has(c.caseId) && normIds.includes(c.normId));
    const [selNorm, selCase, selStage] = selectedKey ? selectedKey.split('|') : [];
    const selected = selectedKey ? cells.get(selectedKey) : undefined;
    const selectedCase = selCase ? cases.find((c) => c.id === selCase) : undefined;
    const stageLabel = overview?.frameworks.flatMap((f) => f.stages).find((s) => s.id === selStage)?.label;
    let period: Period;
    let periodWhy: string;
    if (selected && (selected.periodFrom !== null || selected.periodTo !== null)) {
      period = { from: selected.periodFrom, to: selected.periodTo };
      periodWhy = `the period of ${selectedCase?.name ?? 'the cell'} · ${stageLabel ?? 'the stage'}`;
    } else {
      const froms = inView.map((c) => c.periodFrom).filter((y): y is number => y !== null);
      const tos = inView.map((c) => c.periodTo ?? c.periodFrom).filter((y): y is number => y !== null);
      period = { from: froms.length > 0 ? Math.min(...froms) : null, to: tos.length > 0 ? Math.max(...tos) : null };
      periodWhy = selectedKey ? `the selected cell has no period: that of the cells in view` : 'the period of the cells in view';
    }
    // With a selected cell, its links (and its case's memberships) count; otherwise every cell and case in view.
    const scopeCells = selectedKey ? (selected ? [selected] : []) : inView;
    const scopeCases = selectedCase ? [selectedCase] : cases;
    const list = bearings(context.data, scopeCases, scopeCells, period);
    const orgName = new Map(context.data.organisations.map((o) => [o.id, o.name]));
    const instrument = new Map(context.data.instruments.map((i) => [i.id, i]));
    return { period, periodWhy, list, orgName, instrument, selectedCase, selNorm };
  }, [context.data, cells, cases, normIds, selectedKey, overview]);

  if (context.error) {
    return (
      <section className="rec-band" aria-label="Regional context" data-testid="context-band">
        <p className="field-error">{context.error.message}</p>
      </section>
    );
  }
  if (!model) {
    return (
      <section className="rec-band" aria-label="Regional context" data-testid="context-band">
        <p className="muted">Regional context: loading…</p>
      </section>
    );
  }

  const caseName = (id: string) => cases.find((c) => c.id === id)?.name ?? '?';
  const summary = model.list.map((b) => b.norm.label);
  const openNorm = (id: string) => {
    record.setUi({ context: { kind: 'regional-norm', id } });
    record.navigate({ kind: 'page', page: 'context' });
  };

  return (
    <section className={`rec-band${open ? ' is-open' : ''}`} aria-label="Regional context" data-testid="context-band">
      <div className="rec-band-line">
        <button type="button" className="rec-band-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="context-band-toggle">
          <ChevronIcon />
          <span className="rec-band-title">Regional context</span>
          <span className="rec-band-period numeric">{formatPeriod(model.period)}</span>
        </button>
        <span className="rec-band-summary" title={summary.join(' · ')}>
          {model.list.length === 0 ? (
            <span className="muted">No regional norm bears on {model.selectedCase ? model.selectedCase.name : 'these cases'} in this period (by membership or a link to {model.selectedCase ? 'this cell' : 'these cells'}).</span>
          ) : (
            model.list.map((b, i) => (
              <span key={b.norm.id} className="rec-band-item" data-norm={b.norm.label}>
                {i > 0 ? <span className="rec-dot" aria-hidden="true"> · </span> : null}
                {b.norm.label}
                <span className="muted">
                  {' '}
                  ({[b.norm.organisationId ? model.orgName.get(b.norm.organisationId) : null, b.linkedCells.length > 0 ? 'linked' : null].filter(Boolean).join(', ') || 'regional'})
                </span>
              </span>
            ))
          )}
        </span>
      </div>
      {open ? (
        <div className="rec-band-details">
          <p className="muted small">
            Period: {formatPeriod(model.period)} ({model.periodWhy}). A norm bears on a case through a membership of its organisation overlapping the period, or
            through a link to {model.selectedCase ? 'the selected cell' : 'a cell in view'}.
          </p>
          <ul>
            {model.list.map((b) => (
              <li key={b.norm.id}>
                <p>
                  <button type="button" className="rec-link" onClick={() => openNorm(b.norm.id)}>
                    {b.norm.label}
                  </button>{' '}
                  <span className="muted">
                    {[b.norm.organisationId ? model.orgName.get(b.norm.organisationId) : '', formatPeriod(normPeriod(b.norm)), b.norm.entrepreneurs ? `entrepreneurs: ${b.norm.entrepreneurs}` : '']
                      .filter(Boolean)
                      .join(' · ')}
                  </span>{' '}
                  {b.norm.verification !== 'verified-external' ? <VerificationTag value={b.norm.verification} /> : null}
                </p>
                <p className="small">
                  {b.linkedCells.length > 0 ? (
                    <span>
                      Linked to{' '}
                      {b.linkedCells
                        .map((c) => `${caseName(c.caseId)} · ${overview?.frameworks.flatMap((f) => f.stages).find((s) => s.id === c.stageId)?.label ?? 'stage'}`)
                        .join('; ')}
                      .{' '}
                    </span>
                  ) : null}
                  {b.memberships.length > 0 ? (
                    <span>
                      Through{' '}
                      {b.memberships
                        .map((m) => `${caseName(m.caseId)} (${MEMBERSHIP_LABELS[m.status]} ${formatPeriod(membershipPeriod(m))}${m.verification !== 'verified-external' ? ', unverified' : ''})`)
                        .join('; ')}
                      .
                    </span>
                  ) : null}
                  {b.norm.instrumentIds.length > 0 ? (
                    <span className="muted">
                      {' '}
                      Instruments:{' '}
                      {b.norm.instrumentIds
                        .map((id) => model.instrument.get(id))
                        .filter((i) => i !== undefined)
                        .map((i) => `${i.title}${i.date ? ` (${i.date.slice(0, 4)})` : ''}`)
                        .join('; ')}
                      .
                    </span>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
          <p>
            <button type="button" className="button button-small" onClick={() => record.navigate({ kind: 'page', page: 'context' })}>
              Open the regional context
            </button>
          </p>
        </div>
      ) : null}
    </section>
  );
}
