/**
 * The regional context: the regional norms (with their organisation, entrepreneurs, period, instruments and the
 * cells where contestation draws on them), each case's memberships over time as bars on one time axis, the
 * organisations and instruments. Selecting anything opens its editor on the right.
 */
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { CaseDto, CellDto, MembershipStatus, ProjectOverview, RegionalContextDto } from '../../../electron/contract/api';
import { MEMBERSHIP_STATUSES } from '../../../electron/contract/api';
import { ChevronIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { frameworkOf } from '../matrix/matrix-model';
import { Modal } from '../ui/Modal';
import { useProject } from '../workbench-context';
import { formatPeriod, membershipPeriod, normPeriod } from './context-model';
import { CsvActions } from './CsvDialog';
import { useT } from '../i18n/use-t';
import { membershipId, useFormatDate, yearOf, type Translate } from './labels';
import { PlainSelect, RecordPageHeader, useCases, VerificationGlyph, VerificationTag } from './RecordBits';
import { useRecord, useRecordEdit, useRecordUi, type ContextSelection } from './record-store';
import { useWidth } from './use-width';
import { Msg } from '../i18n/Msg';
import { DASH, parenthesised, SPACE } from './typography';
import { enteredDateProblem } from '../../../electron/contract/dates';

const ROW_HEAD = 196;

/** "Kazakhstan · Election observation · Reconstitution" for a cell id. */
export function cellName(cell: CellDto | undefined, overview: ProjectOverview | undefined, t: Translate): string {
  if (!cell || !overview) return t('context.cellGone');
  const kase = overview.cases.find((c) => c.id === cell.caseId);
  const norm = overview.norms.find((n) => n.id === cell.normId);
  const stage = frameworkOf(norm, overview.frameworks)?.stages.find((s) => s.id === cell.stageId);
  return `${kase?.name ?? '?'} · ${norm ? norm.shortLabel || norm.label : '?'} · ${stage?.label ?? '?'}`;
}

export function useCellsById(): Map<string, CellDto> {
  const { cells } = useProject();
  return useMemo(() => new Map([...(cells?.values() ?? [])].map((c) => [c.id, c])), [cells]);
}

export function ContextView() {
  const t = useT();
  const date = useFormatDate();
  const context = useRecord('context');
  const { overview } = useProject();
  const cellsById = useCellsById();
  const { live } = useCases();
  const [ui, setUi] = useRecordUi();
  const [adding, setAdding] = useState<NonNullable<ContextSelection>['kind'] | null>(null);
  const select = (sel: ContextSelection) => setUi({ context: sel });
  const isSel = (kind: NonNullable<ContextSelection>['kind'], id: string) => ui.context?.kind === kind && ui.context.id === id;

  return (
    <section className="rec-view rec-context" aria-labelledby="context-title" data-testid="context-view">
      <RecordPageHeader
        id="context-title"
        title={t('record.page.context')}
        lede={t('context.lede')}
        actions={
          <>
            <DropdownMenu.Root modal={false}>
              <DropdownMenu.Trigger className="button button-small">
                {t('context.add')} <ChevronIcon />
              </DropdownMenu.Trigger>
              <DropdownMenu.Portal>
                <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
                  <DropdownMenu.Item className="menu-item" onSelect={() => setAdding('regional-norm')}>
                    {t('context.addNormMenu')}
                  </DropdownMenu.Item>
                  <DropdownMenu.Item className="menu-item" onSelect={() => setAdding('membership')}>
                    {t('context.addMembershipMenu')}
                  </DropdownMenu.Item>
                  <DropdownMenu.Item className="menu-item" onSelect={() => setAdding('instrument')}>
                    {t('context.addInstrumentMenu')}
                  </DropdownMenu.Item>
                  <DropdownMenu.Item className="menu-item" onSelect={() => setAdding('organisation')}>
                    {t('context.addOrganisationMenu')}
                  </DropdownMenu.Item>
                </DropdownMenu.Content>
              </DropdownMenu.Portal>
            </DropdownMenu.Root>
            <CsvActions kind="regional" />
          </>
        }
      />
      {context.error ? <InlineAlert message={context.error.message} actionLabel={t('record.tryAgain')} onAction={context.reload} /> : null}
      {!context.data ? (
        <p className="muted" role="status">
          {t('context.loading')}
        </p>
      ) : (
        <div className="rec-scroll">
          <OverTime context={context.data} cases={live} isSelected={isSel} onSelect={select} />

          <section aria-labelledby="rn-title" className="rec-block">
            <h3 id="rn-title" className="section-heading">
              {t('context.normsTitle', { count: context.data.regionalNorms.length })}
            </h3>
            <table className="rec-table rec-context-table" data-testid="regional-norms">
              <thead>
                <tr>
                  <th scope="col">{t('context.colNorm')}</th>
                  <th scope="col">{t('context.colOrganisation')}</th>
                  <th scope="col">{t('context.colPeriod')}</th>
                  <th scope="col">{t('context.colInstruments')}</th>
                  <th scope="col">{t('context.colCells')}</th>
                  <th scope="col">{t('context.colVerification')}</th>
                </tr>
              </thead>
              <tbody>
                {context.data.regionalNorms.map((n) => (
                  <tr key={n.id} className={isSel('regional-norm', n.id) ? 'is-selected' : undefined} aria-selected={isSel('regional-norm', n.id)} data-norm={n.label}>
                    <td>
                      <button type="button" className="rec-link rec-row-button" onClick={() => select({ kind: 'regional-norm', id: n.id })}>
                        {n.label}
                      </button>
                    </td>
                    <td>
                      {n.organisationId ? context.data!.organisations.find((o) => o.id === n.organisationId)?.name : <span className="muted">{t('context.several')}</span>}
                      {n.entrepreneurs ? <span className="rec-sub muted">{n.entrepreneurs}</span> : null}
                    </td>
                    <td className="numeric">{formatPeriod(normPeriod(n), t)}</td>
                    <td>
                      {n.instrumentIds.length === 0 ? <span className="muted">{DASH}</span> : null}
                      {n.instrumentIds.map((id) => {
                        const i = context.data!.instruments.find((x) => x.id === id);
                        return i ? (
                          <span key={id} className="rec-sub">
                            {i.title}
                            {i.date ? <span className="muted">{SPACE + parenthesised(date(i.date))}</span> : null}
                          </span>
                        ) : null;
                      })}
                    </td>
                    <td>
                      {n.cellIds.length === 0 ? <span className="muted">{DASH}</span> : null}
                      {n.cellIds.map((id) => (
                        <span key={id} className="rec-sub">
                          {cellName(cellsById.get(id), overview, t)}
                        </span>
                      ))}
                    </td>
                    <td>
                      <VerificationTag value={n.verification} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <div className="rec-two-col">
            <section aria-labelledby="org-title" className="rec-block">
              <h3 id="org-title" className="section-heading">
                {t('context.orgsTitle', { count: context.data.organisations.length })}
              </h3>
              <ul className="rec-plain-list">
                {context.data.organisations.map((o) => (
                  <li key={o.id} className={isSel('organisation', o.id) ? 'is-selected' : undefined}>
                    <button type="button" className="rec-link rec-row-button" onClick={() => select({ kind: 'organisation', id: o.id })}>
                      {o.name}
                    </button>
                    {SPACE}
                    <span className="muted">{o.fullName}</span>
                  </li>
                ))}
              </ul>
            </section>
            <section aria-labelledby="inst-title" className="rec-block">
              <h3 id="inst-title" className="section-heading">
                {t('context.instrumentsTitle', { count: context.data.instruments.length })}
              </h3>
              <ul className="rec-plain-list">
                {context.data.instruments.map((i) => (
                  <li key={i.id} className={isSel('instrument', i.id) ? 'is-selected' : undefined}>
                    <span className="numeric muted rec-inst-date">{i.date ? date(i.date) : t('claims.undated')}</span>
                    {SPACE}
                    <button type="button" className="rec-link rec-row-button" onClick={() => select({ kind: 'instrument', id: i.id })}>
                      {i.title}
                    </button>
                    {i.verification !== 'verified-external' ? <VerificationTag value={i.verification} /> : null}
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </div>
      )}
      {adding ? (
        <AddContextDialog
          kind={adding}
          context={context.data}
          cases={live}
          onClose={() => setAdding(null)}
          onCreated={(sel) => {
            setAdding(null);
            select(sel);
          }}
        />
      ) : null}
    </section>
  );
}

// ---- Over time: norms' periods and memberships as bars on one axis ---------------------------------------------------

function OverTime({
  context,
  cases,
  isSelected,
  onSelect,
}: {
  context: RegionalContextDto;
  cases: CaseDto[];
  isSelected: (kind: 'regional-norm' | 'membership', id: string) => boolean;
  onSelect: (sel: ContextSelection) => void;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref, 760);
  const track = Math.max(200, width - ROW_HEAD - 12);
  const now = new Date().getFullYear();
  const years = [
    ...context.memberships.flatMap((m) => [yearOf(m.dateFrom), yearOf(m.dateTo)]),
    ...context.regionalNorms.flatMap((n) => [n.yearFrom, n.yearTo]),
    ...context.instruments.map((i) => yearOf(i.date)),
  ].filter((y): y is number => y !== null);
  const from = years.length > 0 ? Math.min(...years) - 1 : 1990;
  const to = Math.max(now, ...years) + 1;
  const span = Math.max(1, to - from);
  const x = (year: number) => ((year - from) / span) * track;
  const step = track / span >= 30 ? 2 : 5;
  const ticks: number[] = [];
  for (let y = Math.ceil(from / step) * step; y <= to; y += step) ticks.push(y);
  const orgName = new Map(context.organisations.map((o) => [o.id, o.name]));

  const bar = (fromYear: number | null, toYear: number | null) => {
    const a = fromYear ?? from;
    // An open end runs to today (drawn fading); a membership ending mid-year ends at that year.
    const b = toYear ?? now + 1;
    return { left: x(a), width: Math.max(4, x(b) - x(a)), open: toYear === null, unknownStart: fromYear === null };
  };

  const rows: { key: string; head: ReactNode; bars: ReactNode }[] = [];
  for (const n of context.regionalNorms) {
    const p = normPeriod(n);
    const b = bar(p.from, p.to);
    rows.push({
      key: `n-${n.id}`,
      head: <span className="rec-ot-norm">{n.label}</span>,
      bars:
        p.from === null && p.to === null ? (
          <button type="button" className={`rec-ot-none${isSelected('regional-norm', n.id) ? ' is-selected' : ''}`} onClick={() => onSelect({ kind: 'regional-norm', id: n.id })}>
            {t('record.noPeriod')}
          </button>
        ) : (
          <button
            type="button"
            className={`rec-ot-bar is-norm${b.open ? ' is-open' : ''}${isSelected('regional-norm', n.id) ? ' is-selected' : ''}`}
            style={{ left: b.left, width: b.width }}
            onClick={() => onSelect({ kind: 'regional-norm', id: n.id })}
            aria-label={t('context.normBar', { norm: n.label, org: n.organisationId ? (orgName.get(n.organisationId) ?? '?') : t('context.regional'), period: formatPeriod(p, t) })}
          >
            <span>
              {n.organisationId ? orgName.get(n.organisationId) : t('context.regional')} {formatPeriod(p, t)}
            </span>
          </button>
        ),
    });
  }
  const membershipRows = cases.flatMap((kase) => {
    const byOrg = new Map<string, typeof context.memberships>();
    for (const m of context.memberships.filter((x) => x.caseId === kase.id)) byOrg.set(m.organisationId, [...(byOrg.get(m.organisationId) ?? []), m]);
    return [...byOrg.entries()].map(([orgId, list]) => ({
      key: `m-${kase.id}-${orgId}`,
      caseName: kase.name,
      head: (
        <span>
          <Msg id="context.caseInOrg" values={{ kase: kase.name, org: orgName.get(orgId) ?? '?' }} />
        </span>
      ),
      bars: list.map((m) => {
        const p = membershipPeriod(m);
        const b = bar(p.from, p.to);
        return (
          <button
            key={m.id}
            type="button"
            className={`rec-ot-bar is-membership is-${m.status}${b.open ? ' is-open' : ''}${isSelected('membership', m.id) ? ' is-selected' : ''}`}
            style={{ left: b.left, width: b.width }}
            onClick={() => onSelect({ kind: 'membership', id: m.id })}
            aria-label={t('context.membershipBar', { kase: kase.name, status: t(membershipId(m.status)), org: orgName.get(orgId) ?? '?', period: formatPeriod(p, t) })}
            title={t(m.note ? 'context.membershipTitleNote' : 'context.membershipTitle', { status: t(membershipId(m.status)), period: formatPeriod(p, t), note: m.note })}
            data-testid="membership-bar"
          >
            <span className="rec-ot-bar-label">{t(membershipId(m.status))}</span>
            {m.verification !== 'verified-external' ? (
              <span className="rec-ot-unverified">
                <VerificationGlyph value={m.verification} />
              </span>
            ) : null}
          </button>
        );
      }),
    }));
  });

  return (
    <section className="rec-block" aria-labelledby="ot-title">
      <div className="rec-section-head">
        <h3 id="ot-title" className="section-heading">
          {t('context.overTime')}
        </h3>
        <p className="rec-legend muted small">{t('context.overTimeLegend')}</p>
      </div>
      <div className="rec-overtime" ref={ref} data-testid="context-overtime">
        <div className="rec-axis" style={{ marginLeft: ROW_HEAD, width: track }} aria-hidden="true">
          {ticks.map((y) => (
            <span key={y} className="rec-tick is-labelled" style={{ left: x(y) }}>
              <span className="rec-tick-label">{y}</span>
            </span>
          ))}
        </div>
        <p className="rec-ot-group">{t('context.regionalNorms')}</p>
        {rows.map((r) => (
          <OtRow key={r.key} head={r.head} track={track} ticks={ticks} x={x}>
            {r.bars}
          </OtRow>
        ))}
        <p className="rec-ot-group">{t('context.memberships')}</p>
        {membershipRows.length === 0 ? <p className="muted small">{t('context.noMemberships')}</p> : null}
        {membershipRows.map((r) => (
          <OtRow key={r.key} head={r.head} track={track} ticks={ticks} x={x} testId="membership-row" caseName={r.caseName}>
            {r.bars}
          </OtRow>
        ))}
      </div>
    </section>
  );
}

function OtRow({
  head,
  track,
  ticks,
  x,
  children,
  testId,
  caseName,
}: {
  head: ReactNode;
  track: number;
  ticks: number[];
  x: (y: number) => number;
  children: ReactNode;
  testId?: string;
  caseName?: string;
}) {
  return (
    <div className="rec-ot-row" data-testid={testId} data-case={caseName}>
      <div className="rec-ot-head" style={{ width: ROW_HEAD }}>
        {head}
      </div>
      <div className="rec-ot-track" style={{ width: track }}>
        {ticks.map((y) => (
          <span key={y} className="rec-gridline" style={{ left: x(y) }} aria-hidden="true" />
        ))}
        {children}
      </div>
    </div>
  );
}

// ---- Adding ------------------------------------------------------------------------------------------------------

function AddContextDialog({
  kind,
  context,
  cases,
  onClose,
  onCreated,
}: {
  kind: NonNullable<ContextSelection>['kind'];
  context: RegionalContextDto | undefined;
  cases: CaseDto[];
  onClose: () => void;
  onCreated: (sel: ContextSelection) => void;
}) {
  const t = useT();
  const organisation = useRecordEdit('organisations.save');
  const norm = useRecordEdit('regionalNorms.save');
  const instrument = useRecordEdit('instruments.save');
  const membership = useRecordEdit('memberships.save');
  const orgs = context?.organisations ?? [];
  const [text, setText] = useState('');
  const [orgId, setOrgId] = useState(orgs.find((o) => o.name === 'SCO')?.id ?? orgs[0]?.id ?? '');
  const [caseId, setCaseId] = useState(cases[0]?.id ?? '');
  const [status, setStatus] = useState<MembershipStatus>('member');
  const [dateFrom, setDateFrom] = useState('');
  const error = organisation.error ?? norm.error ?? instrument.error ?? membership.error;
  const pending = organisation.pending || norm.pending || instrument.pending || membership.pending;
  const dateError = kind === 'membership' || kind === 'instrument' ? enteredDateProblem(dateFrom) : null;
  const dateOk = dateError === null;

  const titles = {
    organisation: t('context.addOrganisation'),
    'regional-norm': t('context.addNorm'),
    instrument: t('context.addInstrument'),
    membership: t('context.addMembership'),
  } as const;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'organisation') {
      const made = await organisation.run({ name: text.trim() });
      if (made) onCreated({ kind, id: made.id });
    } else if (kind === 'regional-norm') {
      const made = await norm.run({ label: text.trim(), organisationId: orgId || null });
      if (made) onCreated({ kind, id: made.id });
    } else if (kind === 'instrument') {
      const made = await instrument.run({ title: text.trim(), organisationId: orgId || null, date: dateFrom.trim() || null });
      if (made) onCreated({ kind, id: made.id });
    } else {
      const made = await membership.run({ caseId, organisationId: orgId, status, dateFrom: dateFrom.trim() || null });
      if (made) onCreated({ kind, id: made.id });
    }
  };

  const ready = kind === 'membership' ? !!caseId && !!orgId && dateOk : text.trim() !== '' && dateOk;

  return (
    <Modal open onOpenChange={(o) => (o ? undefined : onClose())} title={titles[kind]} description={t('context.addHelp')}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        {kind !== 'membership' ? (
          <label className="field">
            <span className="field-label">{kind === 'organisation' ? t('context.name') : kind === 'instrument' ? t('context.title') : t('observation.label')}</span>
            <input className="text-input" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
          </label>
        ) : (
          <div className="inline-fields">
            <PlainSelect label={t('observation.case')} value={caseId} options={cases.map((c) => ({ value: c.id, label: c.name }))} onChange={setCaseId} />
            <PlainSelect label={t('context.status')} value={status} options={MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(membershipId(s)) }))} onChange={setStatus} />
          </div>
        )}
        {kind !== 'organisation' ? (
          <div className="inline-fields">
            <label className="field">
              <span className="field-label">{t('observation.organisation')}</span>
              <select className="native-select" value={orgId} onChange={(e) => setOrgId(e.target.value)}>
                {kind !== 'membership' ? <option value="">{t('record.none')}</option> : null}
                {orgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
            {kind === 'membership' || kind === 'instrument' ? (
              <label className="field">
                <span className="field-label">{kind === 'membership' ? t('context.from') : t('observation.date')}</span>
                <input className="text-input" value={dateFrom} onChange={(e) => setDateFrom(e.target.value)} placeholder={t('observation.datePlaceholder')} aria-invalid={dateOk ? undefined : true} />
              </label>
            ) : null}
          </div>
        ) : null}
        {dateError ? <p className="field-error">{dateError}</p> : null}
        {error ? <InlineAlert message={error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={!ready || pending}>
            {titles[kind]}
          </button>
        </div>
      </form>
    </Modal>
  );
}
