import { useState } from 'react';
import type { AutoSyncDto, JobDto, TeamConflictDto, TeamMemberDto, TeamStatusDto } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError } from '../api';
import { Msg } from '../i18n/Msg';
import { useT } from '../i18n/use-t';
import { labelOf } from '../safety/audit-diff';
import { formatDateTime } from '../safety/format';
import { InlineAlert } from '../ui/InlineAlert';
import { useServices } from '../workbench-context';
import { formatTime } from './time';
import { useTeamStatus } from './use-team-status';
import './team.css';

/**
 * The Team part of the project panel (issue 20): which hub and team this copy syncs with, automatic sync and its
 * state, Sync now (a job, with its progress), the members, and the conflicts to review. A project that is not in a
 * team shows a line saying how to share it.
 */
export function TeamSection() {
  const t = useT();
  const { status, error, reload } = useTeamStatus();
  return (
    <section className="safety-section" aria-labelledby="team-heading" data-testid="team-section">
      <h3 id="team-heading" className="section-heading">
        {t('team.heading')}
      </h3>
      {error ? <InlineAlert message={error.message} /> : null}
      {status === null ? (
        <p className="safety-note">
          <Msg id="team.notShared" values={{ command: 'comparanda team create' }} />
        </p>
      ) : status ? (
        <TeamDetails status={status} onChanged={reload} />
      ) : null}
    </section>
  );
}

/** A glyph beside the words, so that the state is never told by colour alone. */
const WARNING_GLYPH = '!';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function AutoSyncLine({ auto }: { auto: AutoSyncDto }) {
  const t = useT();
  if (auto.syncing) return null;
  if (auto.offlineSince) {
    return (
      <p className="safety-note team-offline" role="status" data-testid="team-offline">
        <span aria-hidden="true" className="team-glyph">
          {WARNING_GLYPH}
        </span>
        {t('team.offline', { since: formatTime(auto.offlineSince), next: auto.nextAt ? formatTime(auto.nextAt) : '—' })}
      </p>
    );
  }
  if (auto.lastError) {
    return (
      <div data-testid="team-refused">
        <p className="safety-note">{t('team.stopped')}</p>
        <InlineAlert message={auto.lastError} />
      </div>
    );
  }
  if (!auto.enabled) return <p className="safety-note">{t('team.autoOff')}</p>;
  return auto.nextAt ? <p className="safety-note">{t('team.nextSync', { time: formatTime(auto.nextAt) })}</p> : null;
}

function TeamDetails({ status, onChanged }: { status: TeamStatusDto; onChanged: () => void }) {
  const t = useT();
  const { store, queue } = useServices();
  const [job, setJob] = useState<JobDto | null>(null);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [result, setResult] = useState<string | null>(null);
  const [members, setMembers] = useState<TeamMemberDto[] | null>(null);
  const [switching, setSwitching] = useState(false);
  const syncing = job !== null || status.auto.syncing !== null;

  const syncNow = async () => {
    setError(undefined);
    setResult(null);
    try {
      await queue.flush();
      let current = await api['team.sync']({});
      setJob(current);
      while (current.state === 'running') {
        await sleep(300);
        current = await api['jobs.get']({ id: current.id });
        setJob(current);
      }
      if (current.state === 'failed' && current.error) throw current.error;
      const report = current.result?.sync;
      if (report) setResult(t('team.result', { pushed: report.pushed, pulled: report.pulled }));
      setMembers(await api['team.members']({}));
      await store.refresh();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setJob(null);
      onChanged();
    }
  };

  const setAuto = async (enabled: boolean) => {
    setSwitching(true);
    setError(undefined);
    try {
      await api['team.setAutoSync']({ enabled });
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setSwitching(false);
    }
  };

  // The job's own sentence arrives in this language (the client renders its catalogue entry).
  const progress = job ?? status.auto.syncing;
  const phase = progress ? progress.message || t('team.syncing') : '';

  return (
    <div className="team-details">
      <dl className="team-facts">
        <dt>{t('team.hub')}</dt>
        <dd title={status.hub}>{status.hub}</dd>
        <dt>{t('team.team')}</dt>
        <dd>
          <code>{status.teamId}</code>
        </dd>
        <dt>{t('team.lastSync')}</dt>
        <dd data-testid="team-last-sync">{status.lastSyncAt ? formatDateTime(status.lastSyncAt) : t('team.never')}</dd>
        <dt>{t('team.notYetSent')}</dt>
        <dd>{status.pending === 0 ? t('team.nothing') : t('team.changes', { count: status.pending })}</dd>
      </dl>
      <label className="team-auto">
        <input type="checkbox" checked={status.auto.enabled} disabled={switching} onChange={(e) => void setAuto(e.target.checked)} data-testid="team-auto" />
        <span>
          {t('team.autoSync')} <span className="team-muted">{t('team.autoSyncHint')}</span>
        </span>
      </label>
      <AutoSyncLine auto={status.auto} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void syncNow()} disabled={syncing} data-testid="team-sync">
          {syncing ? t('team.syncing') : t('team.syncNow')}
        </button>
        {progress ? (
          <span className="team-progress" role="status">
            <progress max={progress.total || undefined} value={progress.total ? progress.done : undefined} aria-label={phase} /> {phase}
          </span>
        ) : null}
      </div>
      {error ? <InlineAlert message={error.message} /> : null}
      {result ? (
        <p role="status" className="safety-note">
          {result}
        </p>
      ) : null}
      {members ? (
        <div>
          <h4 className="team-subheading">{t('team.members')}</h4>
          <ul className="team-members">
            {members.map((m) => (
              <li key={m.replicaId} className={m.removed ? 'is-removed' : undefined}>
                {m.removed ? t('team.memberRemoved', { role: m.role }) : m.you ? t('team.memberYou', { role: m.role }) : m.role}
                <span className="team-muted team-joined">{t('team.joined', { date: formatDateTime(m.joinedAt) })}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ConflictList conflicts={status.conflicts} onResolved={onChanged} />
    </div>
  );
}

/** What resolving with one version sends: the value; for an archive conflict the archive; for a cell filled twice which cell. */
function choice(c: TeamConflictDto, value: string | number | null, index: number): string | number | null {
  if (c.field === 'duplicate') return index === 0 ? 'live' : 'parked';
  if (c.field === 'row') return value === 'archive' ? new Date().toISOString() : null;
  return value;
}

function ConflictList({ conflicts, onResolved }: { conflicts: TeamConflictDto[]; onResolved: () => void }) {
  const t = useT();
  const { store } = useServices();
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [merged, setMerged] = useState<Record<string, string>>({});
  if (conflicts.length === 0) return <p className="safety-note">{t('team.noConflicts')}</p>;

  const keyOf = (c: TeamConflictDto) => `${c.table}:${JSON.stringify(c.rowKey)}:${c.field}`;
  const keep = async (c: TeamConflictDto, value: string | number | null) => {
    setError(undefined);
    try {
      await api['team.resolve']({ table: c.table, rowKey: c.rowKey, field: c.field, value });
      await store.refresh();
      onResolved();
    } catch (caught) {
      setError(toApiError(caught));
    }
  };
  const subject = (c: TeamConflictDto) => {
    const name = c.subject.name ?? c.table.replace(/_/g, ' ');
    if (c.subject.kind === 'claim') return t('team.subjectClaim', { name });
    if (c.subject.kind === 'mission') return t('team.subjectMission', { name });
    return name;
  };
  const field = (c: TeamConflictDto) => (c.field === 'row' ? t('team.fieldRow') : c.field === 'duplicate' ? t('team.fieldDuplicate') : labelOf(c.field));
  const describe = (value: string | number | null) => (value === null || value === '' ? t('team.empty') : String(value));

  return (
    <div>
      <h4 className="team-subheading">{t('team.conflictsToReview', { count: conflicts.length })}</h4>
      <p className="safety-note">{t('team.conflictsHint')}</p>
      {error ? <InlineAlert message={error.message} /> : null}
      <ol className="team-conflicts" data-testid="team-conflicts">
        {conflicts.map((c) => {
          const key = keyOf(c);
          const text = c.field !== 'row' && c.field !== 'duplicate' && typeof c.shown.value !== 'number';
          return (
            <li key={key} className="team-conflict">
              <p className="team-conflict-label">
                {t('team.conflictAbout', { subject: subject(c), field: field(c) })}
              </p>
              {[c.shown, ...c.kept].map((v, i) => (
                <div key={`${v.clock}-${i}`} className="team-version">
                  <span className="team-muted">{i === 0 ? t('team.shown') : t('team.kept')}</span>
                  <span className="team-value">{c.field === 'row' ? (v.value === 'archive' ? t('team.archived') : t('team.edited')) : describe(v.value)}</span>
                  <button type="button" className="button button-small" onClick={() => void keep(c, choice(c, v.value, i))}>
                    {c.field === 'row' ? (v.value === 'archive' ? t('team.keepArchived') : t('team.keepNotArchived')) : t('team.keepThis')}
                  </button>
                </div>
              ))}
              {text ? (
                <div className="team-merge">
                  <label>
                    <span className="team-muted">{t('team.mergedText')}</span>
                    <textarea rows={3} value={merged[key] ?? ''} onChange={(e) => setMerged({ ...merged, [key]: e.target.value })} />
                  </label>
                  <button type="button" className="button button-small" disabled={!(merged[key] ?? '').trim()} onClick={() => void keep(c, merged[key]!)}>
                    {t('team.useMerged')}
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
