import { useT } from '../i18n/use-t';
import { formatTime } from './time';
import { useTeamStatus } from './use-team-status';

/**
 * The title bar's word on team sync, for a project in a team: syncing, synced at what time, the hub out of reach,
 * refused, or turned off. Words and a glyph, never colour alone; announced politely when it changes.
 */
export function TeamSyncBadge() {
  const t = useT();
  const { status } = useTeamStatus();
  if (!status) return null;
  const auto = status.auto;
  let text: string;
  let tone: 'busy' | 'ok' | 'warn' | 'off';
  if (auto.syncing) {
    text = t('team.badgeSyncing');
    tone = 'busy';
  } else if (auto.offlineSince) {
    text = t('team.badgeOffline');
    tone = 'warn';
  } else if (auto.lastError) {
    text = t('team.badgeRefused');
    tone = 'warn';
  } else if (!auto.enabled) {
    text = t('team.badgeOff');
    tone = 'off';
  } else if (auto.last ?? status.lastSyncAt) {
    text = t('team.badgeSynced', { time: formatTime(auto.last?.at ?? status.lastSyncAt!) });
    tone = 'ok';
  } else {
    text = t('team.badgeWaiting');
    tone = 'off';
  }
  const glyph = { busy: '⟳', ok: '✓', warn: '!', off: '–' }[tone];
  return (
    <span className={`badge badge-team badge-team-${tone}`} role="status" aria-live="polite" title={t('team.badgeTitle')} data-testid="team-sync-badge">
      <span aria-hidden="true" className="badge-team-glyph">
        {glyph}
      </span>
      {text}
    </span>
  );
}
