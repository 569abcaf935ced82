/** One observer verdict as the claim card and the observation record show it: when, who, the quote, the findings. */
import type { DimensionDto, ElectionDto, MissionDto } from '../../../electron/contract/api';
import { useT } from '../i18n/use-t';
import { electionTypeId, missionTypeId, useFormatDate } from './labels';
import { sourceLine, useCitations } from './lookups';
import { SeverityTag, VerificationTag } from './RecordBits';
import { DOT } from './typography';

interface MissionVerdictProps {
  mission: MissionDto;
  election: ElectionDto;
  dimensionById: Map<string, DimensionDto>;
  /** Dimensions listed first (e.g. the claim's); the rest follow. */
  showElection?: boolean;
}

export function MissionVerdict({ mission, election, dimensionById, showElection = true }: MissionVerdictProps) {
  const t = useT();
  const date = useFormatDate();
  const { sourceById } = useCitations();
  const source = mission.verdictSourceId ? sourceById.get(mission.verdictSourceId) : undefined;
  const none = mission.missionType === 'none';
  return (
    <div className={`rec-verdict${none ? ' is-none' : ''}`} data-testid="verdict" data-mission-id={mission.id}>
      <p className="rec-verdict-head">
        {showElection ? (
          <>
            <strong className="numeric">{date(election.date)}</strong> <span>{t(electionTypeId(election.type))}</span>
            <span className="rec-dot" aria-hidden="true">
              {DOT}
            </span>
          </>
        ) : null}
        <strong>{mission.organisation}</strong> <span className="muted">{t(missionTypeId(mission.missionType))}</span>
        {mission.verification !== 'verified-external' ? <VerificationTag value={mission.verification} /> : null}
      </p>
      {showElection && election.label && election.label !== election.type ? <p className="rec-sub muted">{election.label}</p> : null}
      {none ? (
        <p className="rec-none">
          <span className="rec-kind">{t('record.noMission')}</span> {mission.reason || t('record.noReason')}
        </p>
      ) : null}
      {mission.verdictQuote ? <blockquote className="rec-quote">{t('record.quoted', { text: mission.verdictQuote })}</blockquote> : null}
      {mission.verdict ? (
        <p className="rec-verdict-summary">
          <span className="rec-kind">{t('record.summary')}</span> {mission.verdict}
        </p>
      ) : null}
      {mission.findings.length > 0 ? (
        <ul className="rec-findings" aria-label={t('record.findingsByDimension')}>
          {mission.findings.map((f) => (
            <li key={f.dimensionId}>
              <span className="rec-finding-dim">{dimensionById.get(f.dimensionId)?.label ?? t('record.unknownDimension')}</span>
              <SeverityTag value={f.severity} />
            </li>
          ))}
        </ul>
      ) : none ? null : (
        <p className="rec-sub muted">{t('record.noFindings')}</p>
      )}
      {source ? <p className="rec-cite muted">{t('record.source', { source: sourceLine(source) })}</p> : null}
    </div>
  );
}
