/**
 * The observation record: the elections of the compared cases on one time axis, one lane per case, each election a
 * mark with the organisations that watched it; the selected election's verdicts in a line under the axis; and the
 * findings grid that puts similar problems next to different verdicts.
 */
import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { CaseDto, ElectionDto, ElectionType, MissionDto } from '../../../electron/contract/api';
import { ELECTION_TYPES } from '../../../electron/contract/api';
import { FocalMarker } from '../matrix/FocalMarker';
import { PlusIcon } from '../ui/icons';
import { InlineAlert } from '../ui/InlineAlert';
import { Modal } from '../ui/Modal';
import { CsvActions } from './CsvDialog';
import { ElectionGlyph, odihrPresence, type OdihrPresence } from './ElectionGlyph';
import { useT } from '../i18n/use-t';
import {
  dateToYear,
  electionTitle,
  electionTypeId,
  electionTypeShortId,
  firstSentence,
  isOdihr,
  missionTypeId,
  shortOrganisation,
  useFormatDate,
  yearOf,
  type Translate,
} from './labels';
import { useObservationIndex, type ObservationIndex } from './lookups';
import { CaseChooser, PlainSelect, RecordPageHeader, SeverityTag, useComparedCases } from './RecordBits';
import { useRecordEdit, useRecordUi } from './record-store';
import { useWidth } from './use-width';
import { DASH, DOT, SPACE } from './typography';
import { enteredDateProblem } from '../../../electron/contract/dates';

const LANE_HEAD = 112;
const GLYPH_ROW = 20;
const TAG_LINE = 12;
const CHAR_PX = 6.1;
/** A mark's glyph (18 px) and the least space between two: closer elections are moved apart (see `at`). */
const MARK_GAP = 20;

export function ObservationView() {
  const t = useT();
  const { index, error, reload } = useObservationIndex();
  const { cases, chosen, chosenIds, setChosen } = useComparedCases();
  const [ui, setUi] = useRecordUi();
  const [adding, setAdding] = useState(false);
  const selected = ui.electionId ? index?.electionById.get(ui.electionId) : undefined;

  return (
    <section className="rec-view rec-observation" aria-labelledby="observation-title" data-testid="observation-view">
      <RecordPageHeader
        id="observation-title"
        title={t('observation.title')}
        lede={t('observation.lede')}
        actions={
          <>
            <button type="button" className="button button-small" onClick={() => setAdding(true)}>
              <PlusIcon /> {t('observation.addElectionMenu')}
            </button>
            <CsvActions kind="elections" kinds={['elections', 'missions']} />
          </>
        }
      />
      <div className="rec-filters">
        <CaseChooser cases={cases} chosen={chosenIds} onChange={setChosen} label={t('observation.casesOnAxis')} />
      </div>
      {error ? <InlineAlert message={error.message} actionLabel={t('record.tryAgain')} onAction={reload} /> : null}
      {!index ? (
        <p className="muted" role="status">
          {t('observation.loading')}
        </p>
      ) : (
        <div className="rec-scroll">
          <Timeline index={index} cases={chosen} selectedId={ui.electionId} onSelect={(id) => setUi({ electionId: id })} />
          <VerdictLine election={selected} kase={selected ? chosen.find((c) => c.id === selected.caseId) : undefined} />
          <FindingsGrid index={index} cases={chosen} selectedId={ui.electionId} onSelect={(id) => setUi({ electionId: id })} />
        </div>
      )}
      {adding ? (
        <AddElectionDialog
          cases={cases}
          onClose={() => setAdding(false)}
          onCreated={(id) => {
            setAdding(false);
            setUi({ electionId: id });
          }}
        />
      ) : null}
    </section>
  );
}

// ---- The timeline -------------------------------------------------------------------------------------------------

interface Mark {
  election: ElectionDto;
  /** Where the glyph and its labels stand: the date's place, or further right when an earlier mark is too close. */
  x: number;
  /** The date's place on the axis. */
  at: number;
  tags: Tag[];
  presence: OdihrPresence;
  width: number;
  level: number;
}

interface Tag {
  text: string;
  none: boolean;
  odihr: boolean;
}

function tagsOf(election: ElectionDto, t: Translate): Tag[] {
  const tags: Tag[] = [];
  for (const m of election.missions) {
    const name = shortOrganisation(m.organisation);
    const none = m.missionType === 'none';
    const text = none ? t('observation.noOrgTag', { org: name }) : name;
    if (!tags.some((x) => x.text === text)) tags.push({ text, none, odihr: /ODIHR/.test(name) });
  }
  // ODIHR first: it is the verdict the claims argue about.
  return tags.sort((a, b) => Number(b.odihr) - Number(a.odihr));
}

export function markName(t: Translate, date: (d: string) => string, election: ElectionDto, kase: CaseDto | undefined): string {
  const missions = election.missions.map((m) =>
    m.missionType === 'none' ? t('observation.noOrgMission', { org: m.organisation }) : t('observation.orgMission', { org: m.organisation, type: t(missionTypeId(m.missionType)) }),
  );
  return t('observation.markName', {
    kase: kase?.name ?? t('observation.caseFallback'),
    election: electionTitle(t, date, { ...election, round: null }),
    missions: missions.length > 0 ? missions.join('; ') : t('observation.noMissionRecordedLower'),
  });
}

function Timeline({ index, cases, selectedId, onSelect }: { index: ObservationIndex; cases: CaseDto[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const t = useT();
  const date = useFormatDate();
  const ref = useRef<HTMLDivElement>(null);
  const width = useWidth(ref, 760);
  const track = Math.max(200, width - LANE_HEAD - 14);

  const { from, to, lanes } = useMemo(() => {
    const shown = index.elections.filter((e) => cases.some((c) => c.id === e.caseId) && dateToYear(e.date) !== null);
    const years = shown.map((e) => dateToYear(e.date)!);
    const lo = years.length > 0 ? Math.floor(Math.min(...years)) : 1990;
    const hi = years.length > 0 ? Math.floor(Math.max(...years)) + 1 : 2026;
    const scale = (y: number) => ((y - lo) / Math.max(1, hi - lo)) * track;
    return {
      from: lo,
      to: hi,
      lanes: cases.map((kase) => {
        const ends: number[] = [];
        let previous = -Infinity;
        const marks: Mark[] = shown
          .filter((e) => e.caseId === kase.id)
          .sort((a, b) => dateToYear(a.date)! - dateToYear(b.date)!)
          .map((election) => {
            const tags = tagsOf(election, t);
            const at = scale(dateToYear(election.date)!);
            const x = Math.max(at, previous + MARK_GAP);
            previous = x;
            const yearLabel = `${yearOf(election.date)} ${t(electionTypeShortId(election.type))}`;
            const w = Math.ceil(Math.max(yearLabel.length, ...tags.map((tag) => tag.text.length)) * CHAR_PX) + 6;
            // The label block goes on the first level where it clears its left neighbour (no overlapping words).
            let level = ends.findIndex((end) => end + 3 <= x - w / 2);
            if (level < 0) {
              level = ends.length;
              ends.push(0);
            }
            ends[level] = x + w / 2;
            return { election, x, at, tags, presence: odihrPresence(election), width: w, level };
          });
        const maxTags = Math.max(1, ...marks.map((m) => m.tags.length));
        const block = (maxTags + 1) * TAG_LINE + 6;
        return { kase, marks, block, height: GLYPH_ROW + Math.max(1, ends.length) * block + 4 };
      }),
    };
  }, [index.elections, cases, track, t]);

  const span = Math.max(1, to - from);
  const pxPerYear = track / span;
  const step = pxPerYear >= 36 ? 1 : pxPerYear >= 18 ? 2 : 5;
  const ticks = Array.from({ length: span + 1 }, (_, i) => from + i);
  const x = (year: number) => ((year - from) / span) * track;

  const ordered = lanes.flatMap((lane) => lane.marks.map((m) => m.election.id));
  const tabStop = selectedId && ordered.includes(selectedId) ? selectedId : (ordered[0] ?? null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const id = (event.target as HTMLElement).dataset.electionId;
    if (!id) return;
    const laneAt = lanes.findIndex((l) => l.marks.some((m) => m.election.id === id));
    const lane = lanes[laneAt];
    if (!lane) return;
    const at = lane.marks.findIndex((m) => m.election.id === id);
    const here = lane.marks[at]!;
    let next: string | undefined;
    if (event.key === 'ArrowRight') next = lane.marks[Math.min(at + 1, lane.marks.length - 1)]?.election.id;
    else if (event.key === 'ArrowLeft') next = lane.marks[Math.max(at - 1, 0)]?.election.id;
    else if (event.key === 'Home') next = lane.marks[0]?.election.id;
    else if (event.key === 'End') next = lane.marks.at(-1)?.election.id;
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      // To the other lane's mark nearest in time: the same moment in the other case.
      const other = lanes[laneAt + (event.key === 'ArrowDown' ? 1 : -1)];
      if (other && other.marks.length > 0) next = [...other.marks].sort((a, b) => Math.abs(a.x - here.x) - Math.abs(b.x - here.x))[0]!.election.id;
    } else return;
    event.preventDefault();
    if (!next) return;
    onSelect(next);
    ref.current?.querySelector<HTMLElement>(`[data-election-id="${CSS.escape(next)}"]`)?.focus();
  };

  return (
    <section className="rec-timeline-wrap" aria-labelledby="timeline-title">
      <div className="rec-section-head">
        <h3 id="timeline-title" className="section-heading">
          {t('observation.timelineTitle')}
        </h3>
        <TimelineLegend />
      </div>
      <div className="rec-timeline" ref={ref} data-testid="timeline" data-from={from} data-to={to} onKeyDown={onKeyDown}>
        <div className="rec-axis" data-testid="timeline-axis" aria-hidden="true" style={{ marginLeft: LANE_HEAD, width: track }}>
          {ticks.map((year) => (
            <span key={year} className={`rec-tick${(year - from) % step === 0 ? ' is-labelled' : ''}`} style={{ left: x(year) }}>
              {(year - from) % step === 0 ? <span className="rec-tick-label">{year}</span> : null}
            </span>
          ))}
        </div>
        {lanes.map((lane) => (
          <div key={lane.kase.id} className="rec-lane" role="group" aria-label={t('observation.laneLabel', { kase: lane.kase.name })} data-testid="timeline-lane" data-case={lane.kase.name}>
            <div className="rec-lane-head" style={{ width: LANE_HEAD }}>
              <span className="rec-lane-name">{lane.kase.name}</span>
              {lane.kase.role === 'focal' ? <FocalMarker /> : null}
              <span className="rec-sub muted">{t('observation.electionsCount', { count: lane.marks.length })}</span>
            </div>
            <div className="rec-lane-track" style={{ width: track, height: lane.height }}>
              {ticks
                .filter((year) => (year - from) % step === 0)
                .map((year) => (
                  <span key={year} className="rec-gridline" style={{ left: x(year) }} aria-hidden="true" />
                ))}
              <span className="rec-lane-rule" aria-hidden="true" />
              {lane.marks.map((m) => {
                const top = GLYPH_ROW + m.level * lane.block;
                const selected = m.election.id === selectedId;
                return (
                  <div key={m.election.id} className={`rec-mark-wrap${selected ? ' is-selected' : ''}`}>
                    {m.level > 0 ? <span className="rec-leader" style={{ left: m.x, top: 15, height: top - 15 }} aria-hidden="true" /> : null}
                    {m.x - m.at >= 1 ? <span className="rec-dodge" style={{ left: m.at, width: m.x - m.at }} aria-hidden="true" /> : null}
                    <button
                      type="button"
                      className={`rec-mark is-${m.election.type}`}
                      style={{ left: m.x - 9, top: 1 }}
                      data-election-id={m.election.id}
                      data-testid="election-mark"
                      data-date={m.election.date}
                      data-type={m.election.type}
                      tabIndex={m.election.id === tabStop ? 0 : -1}
                      aria-pressed={selected}
                      aria-label={markName(t, date, m.election, lane.kase)}
                      title={tooltip(t, date, m.election)}
                      onClick={() => onSelect(m.election.id)}
                    >
                      <ElectionGlyph type={m.election.type} presence={m.presence} />
                    </button>
                    <div className="rec-mark-tags" style={{ left: m.x - m.width / 2, top, width: m.width }} aria-hidden="true" onClick={() => onSelect(m.election.id)}>
                      <span className="rec-mark-year">
                        {yearOf(m.election.date)} {t(electionTypeShortId(m.election.type))}
                      </span>
                      {m.tags.map((tag) => (
                        <span key={tag.text} className={`rec-org-tag${tag.none ? ' is-none' : ''}`}>
                          {tag.text}
                        </span>
                      ))}
                    </div>
                  </div>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}

function tooltip(t: Translate, date: (d: string) => string, election: ElectionDto): string {
  return [
    electionTitle(t, date, { ...election, round: null }),
    ...election.missions.map((m) =>
      t('observation.tooltipMission', {
        org: m.organisation,
        text: m.missionType === 'none' ? t('observation.noMissionBecause', { reason: m.reason }) : firstSentence(m.verdict || m.verdictQuote || t(missionTypeId(m.missionType)), 160),
      }),
    ),
  ].join('\n');
}

function TimelineLegend() {
  const t = useT();
  const types: ElectionType[] = ['presidential', 'parliamentary', 'referendum'];
  const presences: OdihrPresence[] = ['full', 'partial', 'none'];
  return (
    <p className="rec-legend" aria-label={t('observation.legend')}>
      {types.map((type) => (
        <span key={type} className="rec-legend-item">
          <ElectionGlyph type={type} presence="full" size={11} /> {t(electionTypeId(type))}
        </span>
      ))}
      <span className="rec-legend-sep" aria-hidden="true" />
      {presences.map((p) => (
        <span key={p} className="rec-legend-item">
          <ElectionGlyph type="parliamentary" presence={p} size={11} /> {t(`observation.presence.${p}`)}
        </span>
      ))}
    </p>
  );
}

/** The verdicts on the selected election, each organisation's in one line: where ODIHR and CIS or SCO part ways. */
function VerdictLine({ election, kase }: { election: ElectionDto | undefined; kase: CaseDto | undefined }) {
  const t = useT();
  const date = useFormatDate();
  if (!election) {
    return (
      <p className="rec-verdict-line muted" data-testid="verdict-line">
        {t('observation.selectElection')}
      </p>
    );
  }
  const ordered = [...election.missions].sort((a, b) => Number(isOdihr(b)) - Number(isOdihr(a)));
  return (
    <div className="rec-verdict-line" data-testid="verdict-line" aria-live="polite">
      <p className="rec-verdict-line-title">
        <strong>{kase?.name}</strong>
        {DOT}
        {electionTitle(t, date, { ...election, round: null })}
        {election.label && election.label !== election.type ? <span className="muted">{DOT + election.label}</span> : null}
      </p>
      {ordered.length === 0 ? <p className="muted">{t('observation.noMissionRecorded')}</p> : null}
      <ul>
        {ordered.map((m) => (
          <li key={m.id}>
            <strong>{m.organisation}</strong> <span className="muted">{t('observation.missionTypeInLine', { type: t(missionTypeId(m.missionType)) })}</span>
            {SPACE}
            {m.missionType === 'none' ? <span>{m.reason || t('observation.noReasonLower')}</span> : m.verdictQuote ? <q>{firstSentence(m.verdictQuote, 200)}</q> : <span>{firstSentence(m.verdict, 200)}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

// ---- Findings grid ------------------------------------------------------------------------------------------------

function findingsMissions(election: ElectionDto): MissionDto[] {
  return election.missions.filter((m) => m.findings.length > 0).sort((a, b) => Number(isOdihr(b)) - Number(isOdihr(a)));
}

function FindingsGrid({ index, cases, selectedId, onSelect }: { index: ObservationIndex; cases: CaseDto[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const t = useT();
  const date = useFormatDate();
  const [everyElection, setEveryElection] = useState(false);
  const columns = index.elections
    .filter((e) => cases.some((c) => c.id === e.caseId))
    .filter((e) => everyElection || e.missions.some((m) => m.findings.length > 0))
    .sort((a, b) => (dateToYear(a.date) ?? 0) - (dateToYear(b.date) ?? 0));
  const caseOf = (id: string) => cases.find((c) => c.id === id);

  return (
    <section className="rec-findings-wrap" aria-labelledby="findings-title">
      <div className="rec-section-head">
        <h3 id="findings-title" className="section-heading">
          {t('observation.findingsTitle')}
        </h3>
        <label className="rec-check small">
          <input type="checkbox" checked={everyElection} onChange={() => setEveryElection((v) => !v)} />
          <span>{t('observation.everyElection')}</span>
        </label>
      </div>
      <p className="muted small rec-findings-lede">
        {t('observation.findingsLede')}
      </p>
      {columns.length === 0 ? (
        <p className="muted">{t('observation.noFindingsYet')}</p>
      ) : (
        <div className="rec-grid-scroll">
          <table className="rec-table rec-findings-grid" data-testid="findings-grid" aria-label={t('observation.gridLabel')}>
            <thead>
              <tr>
                <th scope="col" className="rec-grid-corner">
                  {t('observation.dimension')}
                </th>
                {columns.map((e) => {
                  const kase = caseOf(e.caseId);
                  return (
                    <th key={e.id} scope="col" className={`rec-grid-election${kase?.role === 'focal' ? ' is-focal' : ''}${e.id === selectedId ? ' is-selected' : ''}`} data-election-id={e.id}>
                      <button type="button" className="rec-grid-election-button" onClick={() => onSelect(e.id)} aria-pressed={e.id === selectedId}>
                        <span className="rec-grid-case">{kase?.isoCode ?? kase?.name}</span>
                        <span className="numeric">{date(e.date)}</span>
                        <span className="muted">{t(electionTypeId(e.type))}</span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              <tr className="rec-grid-verdict-row">
                <th scope="row">{t('observation.odihrVerdict')}</th>
                {columns.map((e) => {
                  const odihr = e.missions.find(isOdihr);
                  const text = odihr ? (odihr.missionType === 'none' ? t('observation.noMissionColon', { reason: odihr.reason }) : odihr.verdict || odihr.verdictQuote) : '';
                  return (
                    <td key={e.id} title={text || undefined}>
                      {text ? <span className="rec-clamp rec-clamp-3">{text}</span> : <span className="muted">{DASH}</span>}
                    </td>
                  );
                })}
              </tr>
              {index.dimensions.map((d) => (
                <tr key={d.id} data-dimension={d.label}>
                  <th scope="row">{d.label}</th>
                  {columns.map((e) => {
                    const found = findingsMissions(e)
                      .map((m) => ({ m, f: m.findings.find((f) => f.dimensionId === d.id) }))
                      .filter((x) => x.f !== undefined);
                    return (
                      <td key={e.id} data-election-id={e.id}>
                        {found.length === 0 ? (
                          <span className="muted" title={t('observation.notCoded')}>
                            {DASH}
                          </span>
                        ) : (
                          found.map(({ m, f }) => <SeverityTag key={m.id} value={f!.severity} prefix={isOdihr(m) ? undefined : shortOrganisation(m.organisation)} />)
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// ---- Add an election ----------------------------------------------------------------------------------------------

export function AddElectionDialog({ cases, onClose, onCreated }: { cases: CaseDto[]; onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT();
  const save = useRecordEdit('elections.save');
  const [caseId, setCaseId] = useState(cases[0]?.id ?? '');
  const [date, setDate] = useState('');
  const [type, setType] = useState<ElectionType>('parliamentary');
  const [label, setLabel] = useState('');
  const dateError = enteredDateProblem(date, true);
  const dateValid = dateError === null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const made = await save.run({ caseId, date: date.trim(), type, label: label.trim() });
    if (made) onCreated(made.id);
  };

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())} title={t('observation.addElection')} description={t('observation.addElectionHelp')}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <div className="inline-fields">
          <PlainSelect label={t('observation.case')} value={caseId} options={cases.map((c) => ({ value: c.id, label: c.name }))} onChange={setCaseId} />
          <label className="field">
            <span className="field-label">{t('observation.date')}</span>
            <input className="text-input" value={date} onChange={(e) => setDate(e.target.value)} placeholder={t('observation.datePlaceholder')} aria-invalid={date.trim() !== '' && dateError ? true : undefined} />
          </label>
          <PlainSelect label={t('observation.type')} value={type} options={ELECTION_TYPES.map((e) => ({ value: e, label: t(electionTypeId(e)) }))} onChange={setType} />
        </div>
        <label className="field">
          <span className="field-label">{t('observation.label')}</span>
          <input className="text-input" value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('observation.labelPlaceholder')} />
        </label>
        {date.trim() !== '' && dateError ? <p className="field-error">{dateError}</p> : null}
        {save.error ? <InlineAlert message={save.error.message} /> : null}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={!caseId || !dateValid || save.pending}>
            {t('observation.addElection')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

