/**
 * The sample project's observation record, claims register, regional context, indicators and verification flags,
 * built from the fact base (assets/sample/kazakhstan-belarus-facts.json) and the researcher's coding on top of it
 * (assets/sample/record.json). Facts keep their verification status; nothing is invented to fill a gap.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ElectionType, MissionType, Verification } from '../contract/api';
import { nowIso, stmt } from './db/statements';

const verificationFrom = (v: string | null | undefined): Verification =>
  v === 'verified-external' ? 'verified-external' : v === 'seed-only' ? 'one-source' : v === 'conflicts-with-external' ? 'contested' : 'unverified';

export const recordFactsSchema = z.object({
  elections: z.array(
    z.object({
      id: z.string(),
      case: z.string(),
      date: z.string(),
      type: z.string(),
      odihrMissionType: z.string(),
      headlineAssessment: z.string().nullable(),
      assessmentQuote: z.string().nullable(),
      headOfMission: z.string().nullable(),
      officialResultNote: z.string().nullable(),
      verification: z.string(),
      confidence: z.string(),
      sourceIds: z.array(z.string()),
      note: z.string().nullable().optional(),
    }),
  ),
  doubleStandardsClaims: z.array(
    z.object({
      id: z.string(),
      claimant: z.string(),
      role: z.string(),
      date: z.string().nullable(),
      statement: z.string(),
      statementType: z.string(),
      focalCase: z.string(),
      comparatorCase: z.string().nullable(),
      dimension: z.string(),
      norm: z.string().nullable(),
      stage: z.string().nullable(),
      verification: z.string(),
      note: z.string().nullable().optional(),
    }),
  ),
  regionalNorms: z.array(
    z.object({ id: z.string(), norm: z.string(), instrument: z.string(), year: z.number().nullable(), detail: z.string(), quote: z.string().nullable(), verification: z.string(), sourceIds: z.array(z.string()) }),
  ),
  indicators: z.array(
    z.object({
      case: z.string(),
      indicator: z.string(),
      year: z.number(),
      value: z.union([z.number(), z.record(z.string(), z.union([z.string(), z.number()]))]),
      source: z.string().nullable().optional(),
      verification: z.string(),
      note: z.string().nullable().optional(),
    }),
  ),
  verificationFlags: z.array(z.object({ id: z.string(), issue: z.string(), severity: z.string() })),
  excerpts: z.array(z.object({ id: z.string(), verification: z.string(), note: z.string().nullable().optional() })),
});

const recordSchema = z.object({
  findings: z.record(z.string(), z.record(z.string(), z.enum(['none', 'minor', 'moderate', 'serious', 'severe']))),
  otherMissions: z.array(z.object({ election: z.string(), organisation: z.string(), type: z.string(), verdict: z.string(), quote: z.string(), fact: z.string() })),
  claims: z.record(
    z.string(),
    z.object({
      assessment: z.enum(['supported', 'partly-supported', 'not-supported', 'undetermined']),
      reasoning: z.string(),
      missions: z.array(z.string()),
      dimension: z.string().nullable(),
      excerpt: z.string().nullable(),
    }),
  ),
  regionalNormCells: z.record(z.string(), z.array(z.tuple([z.string(), z.string(), z.string()]))),
  memberships: z.array(z.object({ case: z.string(), organisation: z.string(), status: z.string(), from: z.string().nullable(), to: z.string().nullable(), verification: z.string(), note: z.string() })),
});

export type RecordFacts = z.infer<typeof recordFactsSchema>;

export interface SampleIds {
  cases: Map<string, string>;
  norms: Map<string, string>;
  stages: Map<string, string | undefined>;
  sources: Map<string, string>;
  excerpts: Map<string, string>;
}

/** "parliamentary (+ same-day referendum on presidential term limits)" is a parliamentary election: the first word decides. */
function electionType(text: string): ElectionType {
  const first = /^\s*(presidential|parliamentary|referendum|local)/i.exec(text)?.[1]?.toLowerCase();
  return (first as ElectionType | undefined) ?? 'other';
}

function missionType(text: string): MissionType {
  if (/^NONE/i.test(text)) return 'none';
  if (/^TAM/i.test(text)) return 'technical-assessment';
  if (/^(LEOM|LAM)/i.test(text)) return 'limited-eom';
  return 'full-eom';
}

export function fillSampleRecord(db: Database.Database, factsJson: unknown, recordJson: unknown, ids: SampleIds): void {
  const facts = recordFactsSchema.parse(factsJson);
  const record = recordSchema.parse(recordJson);
  const now = nowIso();
  const uuid = () => crypto.randomUUID();
  const source = (factIds: readonly string[]) => factIds.map((s) => ids.sources.get(s.split(' ')[0]!)).find(Boolean) ?? null;
  const caseId = (code: string) => ids.cases.get(code) ?? null;
  const dimensions = new Map((stmt(db, 'SELECT id, label FROM finding_dimensions').all() as { id: string; label: string }[]).map((d) => [d.label, d.id]));

  // Elections, and the ODIHR mission (or its absence) for each.
  const electionIds = new Map<string, string>();
  const odihrMissions = new Map<string, string>();
  const insertElection = stmt(
    db,
    `INSERT INTO elections (id, case_id, date, type, round, label, official_result, notes, verification, verification_note, created_at, updated_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMission = stmt(
    db,
    `INSERT INTO missions (id, election_id, organisation, mission_type, reason, head_of_mission, verdict, verdict_quote, verdict_source_id, verification,
       verification_note, created_at, updated_at) VALUES (@id, @election, @organisation, @type, @reason, @head, @verdict, @quote, @source, @verification, @note, @now, @now)`,
  );
  for (const e of facts.elections) {
    const kase = caseId(e.case);
    if (!kase) continue;
    const id = uuid();
    electionIds.set(e.id, id);
    insertElection.run(id, kase, e.date, electionType(e.type), e.type, e.officialResultNote ?? '', e.note ?? '', verificationFrom(e.verification), `confidence: ${e.confidence}`, now, now);
    const type = missionType(e.odihrMissionType);
    const missionId = uuid();
    odihrMissions.set(e.id, missionId);
    insertMission.run({
      id: missionId,
      election: id,
      organisation: 'OSCE/ODIHR',
      type,
      reason: type === 'none' ? (e.headlineAssessment ?? '') : '',
      head: e.headOfMission ?? '',
      verdict: type === 'none' ? '' : (e.headlineAssessment ?? ''),
      quote: e.assessmentQuote ?? '',
      source: source(e.sourceIds),
      verification: verificationFrom(e.verification),
      note: e.odihrMissionType,
      now,
    });
  }
  const insertFinding = stmt(db, 'INSERT INTO mission_findings (mission_id, dimension_id, severity, note) VALUES (?, ?, ?, ?)');
  for (const [election, findings] of Object.entries(record.findings)) {
    const missionId = odihrMissions.get(election);
    if (!missionId) throw new Error(`Sample findings refer to unknown election ${election}.`);
    for (const [dimension, severity] of Object.entries(findings)) {
      const dimensionId = dimensions.get(dimension);
      if (!dimensionId) throw new Error(`Sample findings use unknown dimension ${dimension}.`);
      insertFinding.run(missionId, dimensionId, severity, 'Coded from the ODIHR headline assessment in the fact base.');
    }
  }
  const regionalFacts = new Map(facts.regionalNorms.map((r) => [r.id, r]));
  for (const m of record.otherMissions) {
    const election = electionIds.get(m.election);
    const fact = regionalFacts.get(m.fact);
    if (!election || !fact) throw new Error(`Sample mission refers to unknown ${m.election} / ${m.fact}.`);
    insertMission.run({
      id: uuid(),
      election,
      organisation: m.organisation,
      type: m.type,
      reason: '',
      head: '',
      verdict: m.verdict,
      quote: m.quote,
      source: source(fact.sourceIds),
      verification: verificationFrom(fact.verification),
      note: fact.detail,
      now,
    });
  }

  // Organisations, regional norms, instruments, memberships.
  const organisations = new Map<string, string>();
  for (const [name, full, description] of [
    ['SCO', 'Shanghai Cooperation Organisation', 'Regional organisation founded in 2001; Russia and China its norm entrepreneurs.'],
    ['CIS', 'Commonwealth of Independent States', 'Regional organisation of post-Soviet states; sends its own election observer missions.'],
    ['OSCE', 'Organization for Security and Co-operation in Europe', 'Diffuses the election norms of the matrix through ODIHR.'],
  ] as const) {
    const id = uuid();
    organisations.set(name, id);
    stmt(db, 'INSERT INTO organisations (id, name, full_name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, name, full, description, now, now);
  }
  const fact = (id: string) => {
    const f = regionalFacts.get(id);
    if (!f) throw new Error(`The fact base has no ${id}.`);
    return f;
  };
  const regionalNorms: { key: string; label: string; description: string; org: string | null; entrepreneurs: string; from: number | null; to: number | null; facts: string[] }[] = [
    { key: 'stability and sovereignty over liberal democracy', label: 'Stability and sovereignty over liberal democracy', description: `${fact('RN-SAMPLE-01').norm} (the article's characterisation of the SCO framework).`, org: 'SCO', entrepreneurs: 'Russia; China', from: null, to: null, facts: ['RN-SAMPLE-01'] },
    { key: 'three evils', label: 'Combating terrorism, separatism and extremism (“three evils”)', description: fact('RN-SAMPLE-02').detail, org: 'SCO', entrepreneurs: 'Russia; China', from: 2001, to: null, facts: ['RN-SAMPLE-02'] },
    { key: 'sovereignty and non-interference in internal affairs', label: 'Sovereignty and non-interference in internal affairs', description: `“${fact('RN-SAMPLE-03').quote}”`, org: 'SCO', entrepreneurs: 'Russia; China', from: 2002, to: null, facts: ['RN-SAMPLE-03'] },
    {
      key: 'alternative election observation',
      label: 'Alternative election observation',
      description: 'CIS and SCO missions observe under “political neutrality … non-interference” and reach favourable verdicts that contrast with ODIHR’s (Kazakhstan 2012 and 2021, Belarus 2008 and 2019).',
      org: null,
      entrepreneurs: 'Russia; China',
      from: 2008,
      to: 2021,
      facts: ['RN-SAMPLE-04', 'RN-SAMPLE-05', 'RN-SAMPLE-06', 'RN-SAMPLE-07'],
    },
  ];
  const regionalNormIds = new Map<string, string>();
  for (const n of regionalNorms) {
    const id = uuid();
    regionalNormIds.set(n.key, id);
    const verification = n.facts.map((f) => verificationFrom(fact(f).verification)).every((v) => v === 'verified-external') ? 'verified-external' : verificationFrom(fact(n.facts[0]!).verification);
    stmt(
      db,
      `INSERT INTO regional_norms (id, label, description, organisation_id, entrepreneurs, year_from, year_to, verification, verification_note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, n.label, n.description, n.org ? organisations.get(n.org)! : null, n.entrepreneurs, n.from, n.to, verification, `Fact base: ${n.facts.join(', ')}.`, now, now);
  }
  const instruments: { title: string; org: string; date: string; fact: string; norms: string[] }[] = [
    { title: 'Shanghai Convention on Combating Terrorism, Separatism and Extremism', org: 'SCO', date: '2001-06-15', fact: 'RN-SAMPLE-02', norms: ['three evils'] },
    { title: 'Charter of the Shanghai Cooperation Organisation', org: 'SCO', date: '2002-06-07', fact: 'RN-SAMPLE-03', norms: ['sovereignty and non-interference in internal affairs'] },
    { title: 'Regulations on SCO observer missions at presidential and parliamentary elections', org: 'SCO', date: '2006-05-15', fact: 'RN-SAMPLE-05', norms: ['alternative election observation'] },
    { title: 'SCO observer mission statement on the Kazakhstan Majilis elections', org: 'SCO', date: '2021', fact: 'RN-SAMPLE-04', norms: ['alternative election observation'] },
    { title: 'Astana Commemorative Declaration “Towards a Security Community”', org: 'OSCE', date: '2010-12', fact: 'RN-SAMPLE-09', norms: [] },
  ];
  for (const i of instruments) {
    const id = uuid();
    const f = fact(i.fact);
    stmt(
      db,
      `INSERT INTO instruments (id, title, organisation_id, date, description, source_id, verification, verification_note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, i.title, organisations.get(i.org)!, i.date, f.detail, source(f.sourceIds), verificationFrom(f.verification), `Fact base: ${i.fact}.`, now, now);
    for (const key of i.norms) stmt(db, 'INSERT INTO instrument_norms (instrument_id, regional_norm_id) VALUES (?, ?)').run(id, regionalNormIds.get(key)!);
  }
  for (const m of record.memberships) {
    stmt(
      db,
      `INSERT INTO memberships (id, case_id, organisation_id, status, date_from, date_to, note, verification, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(uuid(), caseId(m.case), organisations.get(m.organisation)!, m.status, m.from, m.to, m.note, m.verification, now, now);
  }
  const findCell = stmt(db, 'SELECT id FROM cells WHERE case_id = ? AND norm_id = ? AND stage_id = ? AND archived_at IS NULL');
  for (const [key, cells] of Object.entries(record.regionalNormCells)) {
    for (const [c, n, s] of cells) {
      const cell = findCell.get(caseId(c), ids.norms.get(n), ids.stages.get(s)) as { id: string } | undefined;
      if (!cell) throw new Error(`Regional norm "${key}" points at an empty cell ${c}/${n}/${s}.`);
      stmt(db, 'INSERT INTO regional_norm_cells (regional_norm_id, cell_id) VALUES (?, ?)').run(regionalNormIds.get(key)!, cell.id);
    }
  }

  // Claims, tested against the verdicts.
  const claimIds = new Map<string, string>();
  for (const c of facts.doubleStandardsClaims) {
    const coding = record.claims[c.id];
    if (!coding) throw new Error(`No coding for claim ${c.id}.`);
    const id = uuid();
    claimIds.set(c.id, id);
    const comparatorCase = c.comparatorCase && ids.cases.has(c.comparatorCase) ? c.comparatorCase : null;
    stmt(
      db,
      `INSERT INTO claims (id, claimant, claimant_role, claimant_case_id, date, statement, statement_kind, excerpt_id, target, focal_case_id, comparator_note,
         dimension_id, dimension_note, norm_id, stage_id, assessment, reasoning, verification, verification_note, created_at, updated_at)
       VALUES (@id, @claimant, @role, @claimantCase, @date, @statement, @kind, @excerpt, 'OSCE/ODIHR', @focal, @comparatorNote, @dimension, @dimensionNote,
         @norm, @stage, @assessment, @reasoning, @verification, @verificationNote, @now, @now)`,
    ).run({
      id,
      claimant: c.claimant,
      role: c.role,
      // In the sample every claimant speaks for the focal case of the claim (Kazakh officials, Belarus's OSCE envoy).
      claimantCase: caseId(c.focalCase),
      date: c.date,
      statement: c.statement,
      kind: c.statementType === 'paraphrase' ? 'paraphrase' : 'quote',
      excerpt: coding.excerpt ? (ids.excerpts.get(coding.excerpt) ?? null) : null,
      focal: caseId(c.focalCase),
      comparatorNote: comparatorCase ? '' : (c.comparatorCase ?? ''),
      dimension: coding.dimension ? (dimensions.get(coding.dimension) ?? null) : null,
      dimensionNote: c.dimension,
      norm: c.norm ? (ids.norms.get(c.norm) ?? null) : null,
      stage: c.stage ? (ids.stages.get(c.stage) ?? null) : null,
      assessment: coding.assessment,
      reasoning: coding.reasoning,
      verification: verificationFrom(c.verification),
      verificationNote: c.note ?? '',
      now,
    });
    if (comparatorCase) stmt(db, 'INSERT INTO claim_comparators (claim_id, case_id) VALUES (?, ?)').run(id, caseId(comparatorCase));
    for (const election of coding.missions) {
      const mission = odihrMissions.get(election);
      if (!mission) throw new Error(`Claim ${c.id} compares an unknown election ${election}.`);
      stmt(db, 'INSERT INTO claim_missions (claim_id, mission_id) VALUES (?, ?)').run(id, mission);
    }
  }

  // Indicators: each published measure is its own series, with its scale.
  const series = {
    vdem: { name: 'V-Dem Electoral Democracy Index', scale: '0–1, higher = more democratic', min: 0, max: 1, higher: 'better' },
    fiw100: { name: 'Freedom House: Freedom in the World score', scale: '0–100, higher = freer (status as label)', min: 0, max: 100, higher: 'better' },
    fiw7: { name: 'Freedom House: Freedom in the World rating', scale: '1–7, lower = freer (average of PR and CL; status as label)', min: 1, max: 7, higher: 'worse' },
    nit: { name: 'Freedom House: Nations in Transit democracy score', scale: '1–7, higher = more democratic', min: 1, max: 7, higher: 'better' },
    polity: { name: 'Polity IV polity score', scale: '−10 (autocracy) to +10 (democracy)', min: -10, max: 10, higher: 'better' },
  } as const;
  const indicatorIds = new Map<string, string>();
  for (const [key, s] of Object.entries(series)) {
    const id = uuid();
    indicatorIds.set(key, id);
    stmt(db, 'INSERT INTO indicators (id, name, scale, min_value, max_value, higher_is, source_id, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, \'\', ?, ?)').run(
      id,
      s.name,
      s.scale,
      s.min,
      s.max,
      s.higher,
      now,
      now,
    );
  }
  const insertValue = stmt(
    db,
    `INSERT INTO indicator_values (indicator_id, case_id, year, value, label, source_id, verification, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (indicator_id, case_id, year) DO NOTHING`,
  );
  for (const i of facts.indicators) {
    const kase = caseId(i.case);
    if (!kase) continue;
    const src = i.source ? source([i.source]) : null;
    const verification = verificationFrom(i.verification);
    const note = i.note ?? '';
    const v = i.value;
    if (typeof v === 'number') {
      if (/V-Dem/.test(i.indicator)) insertValue.run(indicatorIds.get('vdem'), kase, i.year, v, '', src, verification, note);
      continue;
    }
    const status = typeof v.status === 'string' ? v.status : '';
    if (/Nations in Transit/.test(i.indicator) && typeof v.democracyScore === 'number') {
      insertValue.run(indicatorIds.get('nit'), kase, i.year, v.democracyScore, typeof v.regime === 'string' ? v.regime : '', src, verification, note);
    } else if (/Polity/.test(i.indicator) && typeof v.polity === 'number') {
      insertValue.run(indicatorIds.get('polity'), kase, i.year, v.polity, typeof v.regime === 'string' ? v.regime : '', src, verification, note);
    } else if (/aggregate 0-100/.test(i.indicator) && typeof v.total === 'number') {
      insertValue.run(indicatorIds.get('fiw100'), kase, i.year, v.total, status, src, verification, note);
    } else if (/1-7 ratings/.test(i.indicator)) {
      const rating = typeof v.freedomRating === 'number' ? v.freedomRating : typeof v.PR === 'number' && typeof v.CL === 'number' ? (v.PR + v.CL) / 2 : null;
      insertValue.run(indicatorIds.get('fiw7'), kase, i.year, rating, status, src, verification, note);
    }
  }

  // What the fact base knows to be doubtful, including the article's own errors.
  const flagTargets: Record<string, [string, string | undefined]> = {
    'VF-12': ['claim', claimIds.get('DS-KAZ-01')],
    'VF-05': ['election', electionIds.get('EL-KAZ-1999-PR')],
  };
  for (const f of facts.verificationFlags) {
    const [type, target] = flagTargets[f.id] ?? [null, undefined];
    stmt(db, 'INSERT INTO verification_flags (id, issue, severity, target_type, target_id, resolved, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)').run(
      uuid(),
      `${f.id}: ${f.issue}`,
      f.severity,
      target ? type : null,
      target ?? null,
      now,
      now,
    );
  }
  const setExcerpt = stmt(db, 'UPDATE excerpts SET verification = ?, verification_note = ? WHERE id = ?');
  for (const e of facts.excerpts) {
    const id = ids.excerpts.get(e.id);
    if (id) setExcerpt.run(verificationFrom(e.verification), e.note ?? '', id);
  }
}
