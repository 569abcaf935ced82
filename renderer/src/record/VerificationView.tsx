/**
 * What still needs checking before publication: every fact and claim not verified externally, contested first,
 * then those resting on one source, then the unverified, each linked to where it lives; and the verification flags
 * of the fact base (the article's own errors among them), to resolve, reopen or add.
 */
import { useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { UnverifiedItemDto, Verification, VerificationFlagDto } from '../../../electron/contract/api';
import { PlusIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { useOpenExcerpt } from './evidence-link';
import type { MessageId } from '../../../electron/contract/i18n/catalogue';
import { useSaid, useT } from '../i18n/use-t';
import { severityLabel } from './flag-severity';
import { electionTitle, firstSentence, membershipId, unverifiedTypeLabel, useFormatDate, verificationId } from './labels';
import { useObservationIndex } from './lookups';
import { RecordPageHeader, useCases, VerificationTag } from './RecordBits';
import { useRecord, useRecordEdit, useRecordStore, useRecordUi, type RecordStore } from './record-store';
import { parenthesised } from './typography';

const GROUPS: { verification: Verification; title: MessageId; lede: MessageId }[] = [
  { verification: 'contested', title: 'verification.group.contested', lede: 'verification.groupLede.contested' },
  { verification: 'one-source', title: 'verification.group.oneSource', lede: 'verification.groupLede.oneSource' },
  { verification: 'unverified', title: 'verification.group.unverified', lede: 'verification.groupLede.unverified' },
];

export function itemKey(item: Pick<UnverifiedItemDto, 'type' | 'id'>): string {
  return `${item.type}:${item.id}`;
}

/** Opens the page where a fact lives, with it selected; false when it lives on a page of another part of the app. */
export function openWhereItLives(record: RecordStore, type: string, id: string, missionElection: (missionId: string) => string | undefined): boolean {
  switch (type) {
    case 'claim':
      record.setUi({ claimId: id });
      record.navigate({ kind: 'page', page: 'claims' });
      return true;
    case 'election':
      record.setUi({ electionId: id });
      record.navigate({ kind: 'page', page: 'observation' });
      return true;
    case 'mission': {
      const electionId = missionElection(id);
      if (!electionId) return false;
      record.setUi({ electionId });
      record.navigate({ kind: 'page', page: 'observation' });
      return true;
    }
    case 'regional-norm':
    case 'instrument':
    case 'membership':
      record.setUi({ context: { kind: type, id } });
      record.navigate({ kind: 'page', page: 'context' });
      return true;
    case 'indicator-value': {
      const [indicatorId, caseId, year] = id.split('|');
      if (!indicatorId || !caseId || !year) return false;
      record.setUi({ indicatorId, indicatorCell: { caseId, year: Number(year) } });
      record.navigate({ kind: 'page', page: 'indicators' });
      return true;
    }
    default:
      return false;
  }
}

/** The button that opens a fact where it lives (its catalogue id), for the kinds that live on a record page. */
export const WHERE_LABELS: Record<string, MessageId> = {
  claim: 'verification.openInClaims',
  election: 'verification.openInObservation',
  mission: 'verification.openInObservation',
  'regional-norm': 'verification.openInContext',
  instrument: 'verification.openInContext',
  membership: 'verification.openInContext',
  'indicator-value': 'verification.openInIndicators',
};

/** The list's labels are cut at 120 characters by the back end: claims and excerpts are named whole from their own lists. */
export function useItemLabel(): (item: UnverifiedItemDto) => string {
  const t = useT();
  const said = useSaid();
  const cases = useCases();
  const claims = useRecord('claims');
  const excerpts = useRecord('excerpts');
  const context = useRecord('context');
  return (i) => {
    if (i.type === 'claim') {
      const c = claims.data?.find((x) => x.id === i.id);
      if (c) return `${c.claimant}: ${c.statementKind === 'quote' ? t('record.quoted', { text: c.statement }) : c.statement}`;
    } else if (i.type === 'excerpt') {
      const x = excerpts.data?.find((e) => e.id === i.id);
      if (x) return x.textKind === 'quote' ? t('record.quoted', { text: x.text }) : x.text;
    } else if (i.type === 'membership') {
      // The back end writes the status as its code ("SCO dialogue-partner"): the record's word for it is used instead.
      const m = context.data?.memberships.find((x) => x.id === i.id);
      const organisation = m ? context.data?.organisations.find((o) => o.id === m.organisationId) : undefined;
      const kase = m ? cases.byId.get(m.caseId) : undefined;
      if (m && organisation && kase) return t('verification.membershipLabel', { kase: kase.name, organisation: organisation.name, status: t(membershipId(m.status)) });
    }
    return said(i.label, i.labelText);
  };
}

export function VerificationView() {
  const t = useT();
  const date = useFormatDate();
  const verification = useRecord('verification');
  const claims = useRecord('claims');
  const { index } = useObservationIndex();
  const { byId } = useCases();
  const record = useRecordStore();
  const [ui, setUi] = useRecordUi();
  const [type, setType] = useState('all');
  const [query, setQuery] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const [addingFlag, setAddingFlag] = useState(false);
  const missionElection = (id: string) => index?.missionById.get(id)?.election.id;
  const openExcerpt = useOpenExcerpt();

  const items = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return (verification.data?.items ?? []).filter((i) => (type === 'all' || i.type === type) && (q === '' || `${i.label} ${i.note}`.toLocaleLowerCase().includes(q)));
  }, [verification.data, type, query]);
  const flags = (verification.data?.flags ?? []).filter((f) => showResolved || !f.resolved);
  const openFlags = (verification.data?.flags ?? []).filter((f) => !f.resolved).length;
  const types = [...new Set((verification.data?.items ?? []).map((i) => i.type))];

  const fullLabel = useItemLabel();

  const targetName = (f: VerificationFlagDto): string | null => {
    if (!f.targetType || !f.targetId) return null;
    if (f.targetType === 'claim') {
      const c = claims.data?.find((x) => x.id === f.targetId);
      return c ? t('verification.claimBy', { claimant: c.claimant }) : t('verification.aClaim');
    }
    if (f.targetType === 'election') {
      const e = index?.electionById.get(f.targetId);
      return e ? `${byId.get(e.caseId)?.name ?? ''} ${electionTitle(t, date, e)}` : t('verification.anElection');
    }
    return unverifiedTypeLabel(t, f.targetType).toLocaleLowerCase();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-vkey]');
    if (!row) return;
    const rows = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[data-vkey]'));
    const at = rows.indexOf(row);
    let next = at;
    if (event.key === 'ArrowDown') next = Math.min(at + 1, rows.length - 1);
    else if (event.key === 'ArrowUp') next = Math.max(at - 1, 0);
    else if (event.key === 'Enter') {
      const [kind, ...rest] = row.dataset.vkey!.split(':');
      if (kind === 'excerpt') {
        event.preventDefault();
        openExcerpt(rest.join(':'));
      } else if (kind && kind !== 'flag') {
        event.preventDefault();
        openWhereItLives(record, kind, rest.join(':'), missionElection);
      }
      return;
    } else return;
    event.preventDefault();
    rows[next]?.focus();
    setUi({ verificationKey: rows[next]?.dataset.vkey ?? null });
  };

  const firstKey = items[0] ? itemKey(items[0]) : null;
  const tabStop = ui.verificationKey ?? firstKey;

  return (
    <section className="rec-view rec-verification" aria-labelledby="verification-title" data-testid="verification-view" onKeyDown={onKeyDown}>
      <RecordPageHeader
        id="verification-title"
        title={t('record.page.verification')}
        lede={t('verification.lede')}
        actions={
          <button type="button" className="button button-small" onClick={() => setAddingFlag(true)}>
            <PlusIcon /> {t('verification.addFlagMenu')}
          </button>
        }
      />
      <div className="rec-filters">
        <input className="text-input rec-search" type="search" placeholder={t('verification.filterPlaceholder')} aria-label={t('verification.filter')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="toolbar-field">
          <span className="toolbar-label">{t('verification.kind')}</span>
          <select className="native-select" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="all">{t('verification.all')}</option>
            {types.map((kind) => (
              <option key={kind} value={kind}>
                {unverifiedTypeLabel(t, kind)}
              </option>
            ))}
          </select>
        </label>
        <span className="rec-count muted" role="status">
          {verification.data ? t('verification.count', { items: verification.data.items.length, flags: openFlags }) : ''}
        </span>
      </div>
      {verification.error ? <InlineAlert message={verification.error.message} actionLabel={t('record.tryAgain')} onAction={verification.reload} /> : null}
      {!verification.data ? (
        <p className="muted" role="status">
          {t('verification.loading')}
        </p>
      ) : (
        <div className="rec-scroll">
          {GROUPS.map((g) => {
            const list = items.filter((i) => i.verification === g.verification);
            return (
              <section key={g.verification} className={`rec-block rec-vgroup is-${g.verification}`} aria-labelledby={`vg-${g.verification}`} data-testid={`group-${g.verification}`}>
                <h3 id={`vg-${g.verification}`} className="rec-vgroup-title">
                  <VerificationTag value={g.verification} /> <span>{t(g.title)}</span> <span className="muted">{parenthesised(list.length)}</span>
                  <span className="muted small rec-vgroup-lede">{t(g.lede)}</span>
                </h3>
                {list.length === 0 ? <p className="muted small">{t('verification.nothingHere')}</p> : null}
                <ul className="rec-vlist">
                  {list.map((i) => {
                    const k = itemKey(i);
                    const selected = ui.verificationKey === k;
                    return (
                      <li key={k} className={`rec-vitem${selected ? ' is-selected' : ''}`} data-vkey={k} tabIndex={k === tabStop ? 0 : -1} onClick={() => setUi({ verificationKey: k })} data-type={i.type}>
                        <span className="rec-vtype">{unverifiedTypeLabel(t, i.type)}</span>
                        <span className="rec-vlabel">
                          <span className="rec-clamp">{fullLabel(i)}</span>
                          {i.note ? <span className="rec-sub muted rec-clamp">{i.note}</span> : null}
                        </span>
                        <span className="rec-vcase muted">{i.caseId ? (byId.get(i.caseId)?.name ?? '') : ''}</span>
                        <span className="rec-vopen">
                          {WHERE_LABELS[i.type] ? (
                            <button
                              type="button"
                              className="button button-small"
                              tabIndex={-1}
                              onClick={(e) => {
                                e.stopPropagation();
                                openWhereItLives(record, i.type, i.id, missionElection);
                              }}
                            >
                              {t(WHERE_LABELS[i.type]!)}
                            </button>
                          ) : i.type === 'excerpt' ? (
                            <button
                              type="button"
                              className="button button-small"
                              tabIndex={-1}
                              onClick={(e) => {
                                e.stopPropagation();
                                openExcerpt(i.id);
                              }}
                            >
                              {t('verification.openInSource')}
                            </button>
                          ) : null}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </section>
            );
          })}

          <section className="rec-block" aria-labelledby="flags-title" data-testid="flags">
            <div className="rec-section-head">
              <h3 id="flags-title" className="section-heading">
                {t('verification.flagsTitle', { count: openFlags })}
              </h3>
              <label className="rec-check small">
                <input type="checkbox" checked={showResolved} onChange={() => setShowResolved((v) => !v)} />
                <span>{t('verification.showResolved')}</span>
              </label>
            </div>
            <p className="muted small">{t('verification.flagsLede')}</p>
            <ul className="rec-vlist">
              {flags.map((f) => (
                <FlagRow
                  key={f.id}
                  flag={f}
                  target={targetName(f)}
                  selected={ui.verificationKey === `flag:${f.id}`}
                  onSelect={() => setUi({ verificationKey: `flag:${f.id}` })}
                  onOpenTarget={f.targetType && f.targetId ? () => openWhereItLives(record, f.targetType!, f.targetId!, missionElection) : undefined}
                />
              ))}
            </ul>
          </section>
        </div>
      )}
      {addingFlag ? <AddFlagDialog selectedKey={ui.verificationKey} items={verification.data?.items ?? []} onClose={() => setAddingFlag(false)} /> : null}
    </section>
  );
}

function FlagRow({ flag, target, selected, onSelect, onOpenTarget }: { flag: VerificationFlagDto; target: string | null; selected: boolean; onSelect: () => void; onOpenTarget: (() => void) | undefined }) {
  const t = useT();
  const save = useRecordEdit('flags.save');
  const k = `flag:${flag.id}`;
  return (
    <li className={`rec-vitem rec-flag${flag.resolved ? ' is-resolved' : ''}${selected ? ' is-selected' : ''}`} data-vkey={k} tabIndex={-1} onClick={onSelect} data-testid="flag">
      <span className="rec-vtype">{flag.resolved ? t('verification.resolved') : t('verification.open')}</span>
      <span className="rec-vlabel">
        <span>{flag.issue}</span>
        <span className="rec-sub muted">
          {flag.severity ? severityLabel(t, flag.severity) : t('verification.noSeverity')}
          {target ? (
            <>
              {t('verification.about')}
              {onOpenTarget ? (
                <button
                  type="button"
                  className="rec-link"
                  onClick={(e) => {
                    e.stopPropagation();
                    onOpenTarget();
                  }}
                >
                  {target}
                </button>
              ) : (
                target
              )}
            </>
          ) : null}
        </span>
        {save.error ? <span className="field-error">{save.error.message}</span> : null}
      </span>
      <span className="rec-vopen">
        <button
          type="button"
          className="button button-small"
          disabled={save.pending}
          onClick={(e) => {
            e.stopPropagation();
            void save.run({ id: flag.id, issue: flag.issue, resolved: !flag.resolved });
          }}
        >
          {flag.resolved ? t('verification.reopen') : t('verification.resolve')}
        </button>
      </span>
    </li>
  );
}

/** Suggested kinds of flag: free text, offered in the interface language. */
const SEVERITY_SUGGESTIONS: MessageId[] = [
  'verification.suggest.cosmetic',
  'verification.suggest.factual',
  'verification.suggest.citation',
  'verification.suggest.claimNotSupported',
  'verification.suggest.dataGap',
];

function AddFlagDialog({ selectedKey, items, onClose }: { selectedKey: string | null; items: UnverifiedItemDto[]; onClose: () => void }) {
  const t = useT();
  const save = useRecordEdit('flags.save');
  const selectedItem = selectedKey && !selectedKey.startsWith('flag:') ? items.find((i) => itemKey(i) === selectedKey) : undefined;
  const [issue, setIssue] = useState('');
  const [severity, setSeverity] = useState('');
  const [aboutSelected, setAboutSelected] = useState(selectedItem !== undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await save.run({
      issue: issue.trim(),
      severity: severity.trim(),
      targetType: aboutSelected && selectedItem ? selectedItem.type : null,
      targetId: aboutSelected && selectedItem ? selectedItem.id : null,
    });
    if (done) onClose();
  };

  return (
    <Modal open onOpenChange={(o) => (o ? undefined : onClose())} title={t('verification.addFlagTitle')} description={t('verification.addFlagHelp')}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span className="field-label">{t('verification.issue')}</span>
          <textarea className="text-area" rows={3} value={issue} onChange={(e) => setIssue(e.target.value)} placeholder={t('verification.issuePlaceholder')} />
        </label>
        <label className="field">
          <span className="field-label">{t('verification.severity')}</span>
          <input className="text-input" list="rec-flag-severities" value={severity} onChange={(e) => setSeverity(e.target.value)} placeholder={t('verification.severityPlaceholder')} />
          <datalist id="rec-flag-severities">
            {SEVERITY_SUGGESTIONS.map((id) => (
              <option key={id} value={t(id)} />
            ))}
          </datalist>
        </label>
        {selectedItem ? (
          <label className="rec-check">
            <input type="checkbox" checked={aboutSelected} onChange={() => setAboutSelected((v) => !v)} />
            <span>
              {t('verification.aboutSelected', {
                type: unverifiedTypeLabel(t, selectedItem.type).toLocaleLowerCase(),
                label: firstSentence(selectedItem.label, 80),
                verification: t(verificationId(selectedItem.verification)),
              })}
            </span>
          </label>
        ) : null}
        {save.error ? <InlineAlert message={save.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={issue.trim() === '' || save.pending}>
            {t('verification.addFlag')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

