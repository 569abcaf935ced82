/**
 * The mark of an election on the timeline. Its shape says the type (presidential circle, parliamentary square,
 * referendum diamond, local triangle, other cross); its fill says what ODIHR did (full mission: filled; limited or
 * other assessment: half; declared no mission: hollow and dashed; not recorded: hollow). The legend repeats it in words.
 */
import type { ElectionDto, ElectionType } from '../../../electron/contract/api';
import { isOdihr } from './labels';

export type OdihrPresence = 'full' | 'partial' | 'none' | 'absent';

export function odihrPresence(election: ElectionDto): OdihrPresence {
  const odihr = election.missions.filter(isOdihr);
  if (odihr.some((m) => m.missionType === 'full-eom')) return 'full';
  if (odihr.some((m) => m.missionType !== 'none')) return 'partial';
  if (odihr.length > 0) return 'none';
  return 'absent';
}

function shapePath(type: ElectionType, s: number): string {
  const c = s / 2;
  const r = s / 2 - 1.5;
  switch (type) {
    case 'presidential':
      return `M${c - r},${c}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0z`;
    case 'parliamentary':
      return `M${c - r * 0.86},${c - r * 0.86}h${r * 1.72}v${r * 1.72}h${-r * 1.72}z`;
    case 'referendum':
      return `M${c},${c - r}L${c + r},${c}L${c},${c + r}L${c - r},${c}z`;
    case 'local':
      return `M${c},${c - r}L${c + r},${c + r * 0.8}L${c - r},${c + r * 0.8}z`;
    default:
      return `M${c - r},${c - r * 0.35}h${r * 0.65}v${-r * 0.65}h${r * 0.7}v${r * 0.65}h${r * 0.65}v${r * 0.7}h${-r * 0.65}v${r * 0.65}h${-r * 0.7}v${-r * 0.65}h${-r * 0.65}z`;
  }
}

export function ElectionGlyph({ type, presence, size = 14 }: { type: ElectionType; presence: OdihrPresence; size?: number }) {
  const d = shapePath(type, size);
  const clipId = `half-${type}-${size}`;
  return (
    <svg className={`rec-election-glyph is-${presence}`} viewBox={`0 0 ${size} ${size}`} width={size} height={size} aria-hidden="true" focusable="false">
      {presence === 'partial' ? (
        <defs>
          <clipPath id={clipId}>
            <rect x="0" y={size / 2} width={size} height={size / 2} />
          </clipPath>
        </defs>
      ) : null}
      <path d={d} fill={presence === 'full' ? 'currentColor' : '#fff'} stroke="currentColor" strokeWidth="1.4" strokeDasharray={presence === 'none' ? '2 1.6' : undefined} />
      {presence === 'partial' ? <path d={d} fill="currentColor" clipPath={`url(#${clipId})`} /> : null}
    </svg>
  );
}
