/** Indexes over the record lists, built once per answer (the lists are replaced whole when they change). */
import { useMemo } from 'react';
import type { ClaimDto, DimensionDto, ElectionDto, ExcerptDto, MissionDto, SourceDto } from '../../../electron/contract/api';
import { useRecord } from './record-store';

export interface MissionRef {
  mission: MissionDto;
  election: ElectionDto;
}

export interface ObservationIndex {
  dimensions: DimensionDto[];
  elections: ElectionDto[];
  dimensionById: Map<string, DimensionDto>;
  electionById: Map<string, ElectionDto>;
  missionById: Map<string, MissionRef>;
}

export function indexObservation(data: { dimensions: DimensionDto[]; elections: ElectionDto[] } | undefined): ObservationIndex | undefined {
  if (!data) return undefined;
  const missionById = new Map<string, MissionRef>();
  for (const election of data.elections) for (const mission of election.missions) missionById.set(mission.id, { mission, election });
  return {
    dimensions: [...data.dimensions].sort((a, b) => a.position - b.position),
    elections: data.elections,
    dimensionById: new Map(data.dimensions.map((d) => [d.id, d])),
    electionById: new Map(data.elections.map((e) => [e.id, e])),
    missionById,
  };
}

export function useObservationIndex() {
  const observation = useRecord('observation');
  const index = useMemo(() => indexObservation(observation.data), [observation.data]);
  return { index, error: observation.error, reload: observation.reload };
}

export function useCitations(): { excerptById: Map<string, ExcerptDto>; sourceById: Map<string, SourceDto>; participantName: Map<string, string> } {
  const excerpts = useRecord('excerpts');
  const sources = useRecord('sources');
  const participants = useRecord('participants');
  return useMemo(
    () => ({
      excerptById: new Map((excerpts.data ?? []).map((x) => [x.id, x])),
      sourceById: new Map((sources.data ?? []).map((s) => [s.id, s])),
      participantName: new Map((participants.data ?? []).map((p) => [p.id, p.pseudonym])),
    }),
    [excerpts.data, sources.data, participants.data],
  );
}

/** "OSCE/ODIHR 2012" -> "OSCE/ODIHR (2012)": how a source is named in one line. */
export function sourceLine(source: SourceDto | undefined): string {
  if (!source) return '';
  const who = source.authors.trim();
  return `${source.title}${who || source.year ? ` (${[who, source.year ?? ''].filter((x) => x !== '').join(', ')})` : ''}`;
}

/** The claims of one matrix cell: its norm and stage, made about its case as the focal case. */
export function claimsOfCell(claims: readonly ClaimDto[], normId: string, caseId: string, stageId: string): ClaimDto[] {
  return claims.filter((c) => c.normId === normId && c.stageId === stageId && c.focalCaseId === caseId);
}
