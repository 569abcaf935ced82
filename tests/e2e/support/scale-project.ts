/**
 * Builds a large project file for the scale test, straight through the core (the tests run in Node): 40 cases,
 * 8 norms on a 6-stage framework, every one of the 1,920 cells filled. One transaction; takes well under a second.
 */
import path from 'node:path';
import { Project } from '../../../electron/core/project';
import { insertCase } from '../../../electron/core/repos/cases';
import { insertCell } from '../../../electron/core/repos/cells';
import { DEFAULT_STATUSES, insertFramework } from '../../../electron/core/repos/frameworks';
import { insertNorm } from '../../../electron/core/repos/norms';

export const SCALE = { cases: 40, norms: 8, stages: 6 } as const;

const COUNTRIES = [
  'Kazakhstan', 'Belarus', 'Russia', 'Uzbekistan', 'Kyrgyzstan', 'Tajikistan', 'Turkmenistan', 'Azerbaijan', 'Armenia', 'Georgia',
  'Ukraine', 'Moldova', 'Poland', 'Lithuania', 'Latvia', 'Estonia', 'Hungary', 'Serbia', 'Montenegro', 'North Macedonia',
  'Albania', 'Bosnia and Herzegovina', 'Croatia', 'Slovenia', 'Slovakia', 'Czechia', 'Romania', 'Bulgaria', 'Türkiye', 'Mongolia',
  'Austria', 'Germany', 'France', 'Italy', 'Spain', 'Portugal', 'Greece', 'Cyprus', 'Malta', 'Norway',
];

export const SCALE_STAGES = ['Emergence', 'Diffusion', 'Acceptance', 'Reconstitution', 'Contestation', 'Settlement'];

export function scaleNormLabel(index: number): string {
  return `Norm ${index + 1}: election commitment ${['observation', 'secret ballot', 'counting', 'commissions', 'media access', 'candidacy', 'complaints', 'voter lists'][index]}`;
}

/** `extraCases`: that many more comparison cases after the 40, with no cells ("Extra case 1"...). */
export function writeScaleProject(dir: string, { extraCases = 0 }: { extraCases?: number } = {}): string {
  const file = path.join(dir, extraCases > 0 ? `scale-${SCALE.cases + extraCases}x8x6.comparanda` : 'scale-40x8x6.comparanda');
  Project.create(file, {
    title: 'Scale test: 40 cases × 8 norms × 6 stages',
    fill: (db) => {
      const frameworkId = insertFramework(db, {
        name: 'Six stages',
        description: 'A longer framework for the scale test.',
        stages: SCALE_STAGES.map((label, i) => ({ label, description: `Stage ${i + 1} of the scale test.`, asksMode: i === 3 })),
        statuses: DEFAULT_STATUSES,
      });
      const stageIds = (db.prepare('SELECT id FROM stages WHERE framework_id = ? ORDER BY position').all(frameworkId) as { id: string }[]).map((s) => s.id);
      const caseIds = COUNTRIES.slice(0, SCALE.cases).map((name, i) => insertCase(db, { name, isoCode: null, role: i === 0 ? 'focal' : 'comparison' }));
      const statuses = DEFAULT_STATUSES.map((s) => s.key);
      for (let n = 0; n < SCALE.norms; n++) {
        const normId = insertNorm(db, { label: scaleNormLabel(n), shortLabel: `Norm ${n + 1}`, frameworkId, instrument: 'Copenhagen Document (1990)', paragraph: `para ${n + 5}` });
        caseIds.forEach((caseId, c) => {
          stageIds.forEach((stageId, s) => {
            insertCell(db, {
              caseId,
              normId,
              stageId,
              status: statuses[(c + n + s) % statuses.length]!,
              mode: s === 3 ? (['discourse', 'practice', 'both'] as const)[(c + n) % 3] : null,
              periodFrom: 1995 + ((c + s) % 20),
              periodTo: 2000 + ((c + s) % 20),
              summary: `**${COUNTRIES[c]}**, ${SCALE_STAGES[s]!.toLowerCase()}: observers' reports ${(c + s) % 2 ? 'note *progress*' : 'find the norm contested'}; see the mission's final report.\n- second line`,
              confidence: (['low', 'medium', 'high'] as const)[(c + s + n) % 3],
              memo: '',
            });
          });
        });
      }
      for (let i = 1; i <= extraCases; i++) insertCase(db, { name: `Extra case ${i}`, isoCode: null, role: 'comparison' });
    },
  }).close();
  return file;
}
