import { useState } from 'react';
import type { TeamConflictDto, TeamMemberDto, TeamStatusDto } from '../../../electron/contract/api';
import type { ApiError } from '../../../electron/contract/errors';
import { api, toApiError, useApiQuery } from '../api';
import { formatDateTime, plural } from '../safety/format';
import { InlineAlert } from '../ui/InlineAlert';
import { useServices } from '../workbench-context';
import './team.css';

/**
 * The Team part of the project panel (issue 20): which hub and team this copy syncs with, its members, the last sync,
 * Sync now, and the conflicts to review. Nothing shows for a project that is not in a team but a line saying how to
 * share it.
 */
export function TeamSection() {
  const status = useApiQuery('team.status', {});
  // While it reloads (after a sync or a resolution) the last answer stays on screen, with what the sync said.
  const [last, setLast] = useState<TeamStatusDto | null | undefined>(undefined);
  if (status.data !== undefined && status.data !== last) setLast(status.data);
  const data = status.data ?? last;
  return (
    <section className="safety-section" aria-labelledby="team-heading" data-testid="team-section">
      <h3 id="team-heading" className="section-heading">
        Team
      </h3>
      {status.error ? <InlineAlert message={status.error.message} /> : null}
      {data === null ? (
        <p className="safety-note">
          Not shared. To work on it with a team through a PostgreSQL hub, run <code>comparanda team create</code> (see the README, “Team projects”).
        </p>
      ) : data ? (
        <TeamDetails status={data} onChanged={status.reload} />
      ) : null}
    </section>
  );
}

function TeamDetails({ status, onChanged }: { status: TeamStatusDto; onChanged: () => void }) {
  const { store, queue } = useServices();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [result, setResult] = useState<string | null>(null);
  const [members, setMembers] = useState<TeamMemberDto[] | null>(null);

  const syncNow = async () => {
    setPending(true);
    setError(undefined);
    setResult(null);
    try {
      await queue.flush();
      const report = await api['team.sync']({});
      setResult(`Sent ${plural(report.pushed, 'change')}, received ${plural(report.pulled, 'change')}.`);
      setMembers(await api['team.members']({}));
      await store.refresh();
      onChanged();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="team-details">
      <dl className="team-facts">
        <dt>Hub</dt>
        <dd title={status.hub}>{status.hub}</dd>
        <dt>Team</dt>
        <dd>
          <code>{status.teamId}</code>
        </dd>
        <dt>Last sync</dt>
        <dd data-testid="team-last-sync">{status.lastSyncAt ? formatDateTime(status.lastSyncAt) : 'Never'}</dd>
        <dt>Not yet sent</dt>
        <dd>{status.pending === 0 ? 'Nothing' : plural(status.pending, 'change')}</dd>
      </dl>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void syncNow()} disabled={pending} data-testid="team-sync">
          {pending ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      {error ? <InlineAlert message={error.message} /> : null}
      {result ? (
        <p role="status" className="safety-note">
          {result}
        </p>
      ) : null}
      {members ? (
        <div>
          <h4 className="team-subheading">Members</h4>
          <ul className="team-members">
            {members.map((m) => (
              <li key={m.replicaId} className={m.removed ? 'is-removed' : undefined}>
                {m.role}
                {m.you ? ' (this copy)' : ''}
                {m.removed ? ' — removed' : ''} <span className="team-muted">joined {formatDateTime(m.joinedAt)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ConflictList conflicts={status.conflicts} onResolved={onChanged} />
    </div>
  );
}

function describe(value: string | number | null): string {
  if (value === null || value === '') return '(empty)';
  return String(value);
}

function ConflictList({ conflicts, onResolved }: { conflicts: TeamConflictDto[]; onResolved: () => void }) {
  const { store } = useServices();
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [merged, setMerged] = useState<Record<string, string>>({});
  if (conflicts.length === 0) return <p className="safety-note">No conflicts: every interpretation edited on two laptops has been settled.</p>;

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

  return (
    <div>
      <h4 className="team-subheading">{plural(conflicts.length, 'conflict')} to review</h4>
      <p className="safety-note">Edited on two laptops since they last synced. One version shows; the other is kept until you choose or write a merged text.</p>
      {error ? <InlineAlert message={error.message} /> : null}
      <ol className="team-conflicts" data-testid="team-conflicts">
        {conflicts.map((c) => {
          const key = keyOf(c);
          const text = c.field !== 'row' && c.field !== 'duplicate' && typeof c.shown.value !== 'number';
          return (
            <li key={key} className="team-conflict">
              <p className="team-conflict-label">{c.label}</p>
              {[c.shown, ...c.kept].map((v, i) => (
                <div key={`${v.clock}-${i}`} className="team-version">
                  <span className="team-muted">{i === 0 ? 'Shown' : 'Kept'}</span>
                  <span className="team-value">{c.field === 'row' ? (v.value === 'archive' ? 'Archived' : 'Edited') : describe(v.value)}</span>
                  {c.field !== 'duplicate' ? (
                    <button type="button" className="button button-small" onClick={() => void keep(c, c.field === 'row' ? (v.value === 'archive' ? new Date().toISOString() : null) : v.value)}>
                      {c.field === 'row' ? (v.value === 'archive' ? 'Keep archived' : 'Keep, not archived') : 'Keep this'}
                    </button>
                  ) : null}
                </div>
              ))}
              {text ? (
                <div className="team-merge">
                  <label>
                    <span className="team-muted">Merged text</span>
                    <textarea rows={3} value={merged[key] ?? ''} onChange={(e) => setMerged({ ...merged, [key]: e.target.value })} />
                  </label>
                  <button type="button" className="button button-small" disabled={!(merged[key] ?? '').trim()} onClick={() => void keep(c, merged[key]!)}>
                    Use merged text
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
