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
import { useT } from '../i18n/use-t';
import { membershipId } from './labels';
import { VerificationTag } from './RecordBits';
import { useRecord, useRecordStore } from './record-store';
import { DOT, parenthesised, SPACE } from './typography';

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
  const t = useT();
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
      periodWhy = t('context.periodOfCell', { kase: selectedCase?.name ?? t('context.theCell'), stage: stageLabel ?? t('context.theStage') });
    } else {
      const froms = inView.map((c) => c.periodFrom).filter((y): y is number => y !== null);
      const tos = inView.map((c) => c.periodTo ?? c.periodFrom).filter((y): y is number => y !== null);
      period = { from: froms.length > 0 ? Math.min(...froms) : null, to: tos.length > 0 ? Math.max(...tos) : null };
      periodWhy = selectedKey ? t('context.selectedNoPeriod') : t('context.periodInView');
    }
    // With a selected cell, its links (and its case's memberships) count; otherwise every cell and case in view.
    const scopeCells = selectedKey ? (selected ? [selected] : []) : inView;
    const scopeCases = selectedCase ? [selectedCase] : cases;
    const list = bearings(context.data, scopeCases, scopeCells, period);
    const orgName = new Map(context.data.organisations.map((o) => [o.id, o.name]));
    const instrument = new Map(context.data.instruments.map((i) => [i.id, i]));
    return { period, periodWhy, list, orgName, instrument, selectedCase, selNorm };
  }, [context.data, cells, cases, normIds, selectedKey, overview, t]);

  if (context.error) {
    return (
      <section className="rec-band" aria-label={t('record.page.context')} data-testid="context-band">
        <p className="field-error">{context.error.message}</p>
      </section>
    );
  }
  if (!model) {
    return (
      <section className="rec-band" aria-label={t('record.page.context')} data-testid="context-band">
        <p className="muted">{t('context.bandLoading')}</p>
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
    <section className={`rec-band${open ? ' is-open' : ''}`} aria-label={t('record.page.context')} data-testid="context-band">
      <div className="rec-band-line">
        <button type="button" className="rec-band-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="context-band-toggle">
          <ChevronIcon />
          <span className="rec-band-title">{t('record.page.context')}</span>
          <span className="rec-band-period numeric">{formatPeriod(model.period, t)}</span>
        </button>
        <span className="rec-band-summary" title={summary.join(' · ')}>
          {model.list.length === 0 ? (
            <span className="muted">{model.selectedCase ? t('context.noneBearsCase', { kase: model.selectedCase.name }) : t('context.noneBears')}</span>
          ) : (
            model.list.map((b, i) => (
              <span key={b.norm.id} className="rec-band-item" data-norm={b.norm.label}>
                {i > 0 ? (
                  <span className="rec-dot" aria-hidden="true">
                    {DOT}
                  </span>
                ) : null}
                {b.norm.label}
                <span className="muted">
                  {SPACE}
                  {parenthesised(
                    [b.norm.organisationId ? model.orgName.get(b.norm.organisationId) : null, b.linkedCells.length > 0 ? t('context.linked') : null].filter(Boolean).join(', ') ||
                      t('context.regional'),
                  )}
                </span>
              </span>
            ))
          )}
        </span>
      </div>
      {open ? (
        <div className="rec-band-details">
          <p className="muted small">
            {t(model.selectedCase ? 'context.bandExplainCell' : 'context.bandExplain', { period: formatPeriod(model.period, t), why: model.periodWhy })}
          </p>
          <ul>
            {model.list.map((b) => (
              <li key={b.norm.id}>
                <p>
                  <button type="button" className="rec-link" onClick={() => openNorm(b.norm.id)}>
                    {b.norm.label}
                  </button>
                  {SPACE}
                  <span className="muted">
                    {[b.norm.organisationId ? model.orgName.get(b.norm.organisationId) : '', formatPeriod(normPeriod(b.norm), t), b.norm.entrepreneurs ? t('context.entrepreneurs', { names: b.norm.entrepreneurs }) : '']
                      .filter(Boolean)
                      .join(DOT)}
                  </span>
                  {SPACE}
                  {b.norm.verification !== 'verified-external' ? <VerificationTag value={b.norm.verification} /> : null}
                </p>
                <p className="small">
                  {b.linkedCells.length > 0 ? (
                    <span>
                      {t('context.linkedTo', {
                        cells: b.linkedCells
                          .map((c) => `${caseName(c.caseId)} · ${overview?.frameworks.flatMap((f) => f.stages).find((s) => s.id === c.stageId)?.label ?? t('context.stageFallback')}`)
                          .join('; '),
                      })}
                      {SPACE}
                    </span>
                  ) : null}
                  {b.memberships.length > 0 ? (
                    <span>
                      {t('context.through', {
                        memberships: b.memberships
                          .map((m) =>
                            t(m.verification !== 'verified-external' ? 'context.throughOneUnverified' : 'context.throughOne', {
                              kase: caseName(m.caseId),
                              status: t(membershipId(m.status)),
                              period: formatPeriod(membershipPeriod(m), t),
                            }),
                          )
                          .join('; '),
                      })}
                    </span>
                  ) : null}
                  {b.norm.instrumentIds.length > 0 ? (
                    <span className="muted">
                      {SPACE}
                      {t('context.instrumentsList', {
                        list: b.norm.instrumentIds
                          .map((id) => model.instrument.get(id))
                          .filter((i) => i !== undefined)
                          .map((i) => `${i.title}${i.date ? ` (${i.date.slice(0, 4)})` : ''}`)
                          .join('; '),
                      })}
                    </span>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
          <p>
            <button type="button" className="button button-small" onClick={() => record.navigate({ kind: 'page', page: 'context' })}>
              {t('context.openContext')}
            </button>
          </p>
        </div>
      ) : null}
    </section>
  );
}
