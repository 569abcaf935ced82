/**
 * Building a project's structure without the window: a new file, its cases, norms, frameworks and stages. Each
 * change goes through the same edit functions as the app (one undoable step each, in the audit trail), after the
 * same input checks; names a script refers to later (a case's name and ISO code, a norm's label, a framework's name)
 * are kept unique here, so that a name on the command line always finds one thing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CaseDto, CaseRole, FrameworkDto, FrameworkTemplateDto, NormDto } from '../contract/api';
import { localError, textError } from '../contract/i18n/format';
import type { Method } from '../contract/methods';
import { inputSchemas } from '../contract/schemas';
import { stmt } from './db/statements';
import { addStage, archiveCase, archiveNorm, createCase, createFramework, createNorm, updateCase, updateFramework } from './edit';
import { inputProblem } from '../contract/input-problem';
import { foldName, matchCase, matchName, matchNorm } from './names';
import { Project } from './project';
import { DEFAULT_STATUSES, insertFramework } from './repos/frameworks';
import { localiseFramework } from './project-language';
import type { Language } from '../contract/i18n/languages';
import { FRAMEWORK_TEMPLATES } from './templates';

/** The same checks the app's API applies to what the window sends. */
function checked<M extends Method>(method: M, input: unknown): unknown {
  const parsed = inputSchemas[method].safeParse(input);
  if (!parsed.success) {
    const problem = inputProblem(parsed.error.issues[0]);
    throw textError('VALIDATION_FAILED', problem);
  }
  return parsed.data;
}

export function matchTemplate(query: string): FrameworkTemplateDto {
  return matchName('framework template', query, FRAMEWORK_TEMPLATES, (t) => ({ exact: [t.id], names: [t.name] }), (t) => t.id);
}

export function matchFramework(query: string, frameworks: readonly FrameworkDto[]): FrameworkDto {
  return matchName('framework', query, frameworks, (f) => ({ exact: [f.id, f.template ?? ''], names: [f.name] }), (f) => f.name);
}

/** Creates a project file; its default framework is the article's, or the template named. */
export function createProjectFile(
  file: string,
  options: { title?: string | undefined; template?: string | undefined; passphrase?: string | undefined; language?: Language | undefined },
): { path: string; framework: string } {
  const absolute = path.resolve(file);
  if (!absolute.toLowerCase().endsWith('.comparanda')) throw localError('VALIDATION_FAILED', 'errorsInput.fileNameEnds');
  if (fs.existsSync(absolute)) throw localError('FILE_EXISTS', 'errorsInput.newFileExists', { file: path.basename(absolute), caseAdd: 'case add', normAdd: 'norm add' });
  const title = options.title?.trim();
  if (title !== undefined && (title === '' || title.length > 300)) throw localError('VALIDATION_FAILED', 'errorsInput.titleLength');
  const template = options.template ? matchTemplate(options.template) : undefined;
  const project = Project.create(absolute, {
    title,
    passphrase: options.passphrase,
    language: options.language,
    // The article's framework is the default of every new project: another template takes its place before anything uses it.
    fill: template && template.id !== FRAMEWORK_TEMPLATES[0]!.id ? (db) => {
      stmt(db, 'DELETE FROM frameworks').run();
      const spec = { template: template.id, name: template.name, description: template.description, isDefault: true, stages: template.stages, statuses: DEFAULT_STATUSES };
      insertFramework(db, localiseFramework(spec, options.language ?? 'en'));
    } : undefined,
  });
  try {
    return { path: project.path, framework: project.overview().frameworks[0]?.name ?? '' };
  } finally {
    project.close();
  }
}

function assertCaseUnique(cases: readonly CaseDto[], name: string | undefined, isoCode: string | null | undefined, exceptId?: string): void {
  const others = cases.filter((c) => c.id !== exceptId);
  const sameName = name === undefined ? undefined : others.find((c) => foldName(c.name) === foldName(name));
  if (sameName) throw localError('CONFLICT', 'errorsInput.caseExists', { name: sameName.name, command: 'case update' });
  const sameIso = isoCode ? others.find((c) => c.isoCode === isoCode) : undefined;
  if (sameIso) throw localError('CONFLICT', 'errorsInput.isoTaken', { name: sameIso.name, iso: String(isoCode) });
}

export interface CaseFields {
  name?: string | undefined;
  isoCode?: string | null | undefined;
  role?: CaseRole | undefined;
  notes?: string | undefined;
}

const isoOf = (iso: string | null | undefined) => (iso === undefined || iso === null ? iso : iso.trim() === '' ? null : iso.trim().toUpperCase());

export function addCase(p: Project, fields: CaseFields & { name: string }): CaseDto {
  const input = checked('cases.create', { name: fields.name, isoCode: isoOf(fields.isoCode), role: fields.role, notes: fields.notes }) as Parameters<typeof createCase>[1];
  assertCaseUnique(p.overview().cases, input.name, input.isoCode);
  return createCase(p, input);
}

export function changeCase(p: Project, query: string, fields: CaseFields): CaseDto {
  const cases = p.overview().cases;
  const kase = matchCase(query, cases);
  const input = checked('cases.update', { id: kase.id, name: fields.name, isoCode: isoOf(fields.isoCode), role: fields.role, notes: fields.notes }) as Parameters<typeof updateCase>[1];
  assertCaseUnique(cases, input.name, input.isoCode, kase.id);
  return updateCase(p, input);
}

/**
 * Archives a case (or restores it): it leaves the matrix, the lists and new exports, and everything recorded about
 * it stays in the file. Nothing is deleted from the command line: a case's cells are the research.
 */
export function setCaseArchived(p: Project, query: string, archived: boolean): CaseDto {
  const kase = matchCase(query, p.overview().cases);
  if (kase.archived === archived) throw localError('CONFLICT', 'errorsInput.caseAlready', { name: kase.name, archived: archived ? 'yes' : 'no' });
  return archiveCase(p, { id: kase.id, archived });
}

/** Archives a norm (or restores it), as `setCaseArchived` does a case. */
export function setNormArchived(p: Project, query: string, archived: boolean): NormDto {
  const norm = matchNorm(query, p.overview().norms);
  if (norm.archived === archived) throw localError('CONFLICT', 'errorsInput.normAlready', { name: norm.label, archived: archived ? 'yes' : 'no' });
  return archiveNorm(p, { id: norm.id, archived });
}

export function addNorm(p: Project, fields: { label: string; shortLabel?: string | undefined; description?: string | undefined; framework?: string | undefined }): NormDto {
  const overview = p.overview();
  const framework = fields.framework ? matchFramework(fields.framework, overview.frameworks) : undefined;
  const input = checked('norms.create', { label: fields.label, shortLabel: fields.shortLabel, description: fields.description, frameworkId: framework?.id }) as Parameters<typeof createNorm>[1];
  const same = overview.norms.find((n) => foldName(n.label) === foldName(input.label) || (input.shortLabel && foldName(n.shortLabel) === foldName(input.shortLabel)));
  if (same) throw localError('CONFLICT', 'errorsInput.normExists', { label: same.label, hasShort: same.shortLabel ? 'yes' : 'no', short: same.shortLabel ?? '' });
  return createNorm(p, input);
}

export function addFramework(
  p: Project,
  fields: { name?: string | undefined; template?: string | undefined; description?: string | undefined; stages?: string[] | undefined; isDefault?: boolean | undefined },
): FrameworkDto {
  const frameworks = p.overview().frameworks;
  let input: unknown;
  let name: string;
  if (fields.template) {
    if (fields.stages?.length) throw localError('VALIDATION_FAILED', 'errorsInput.templateOrStages', { template: '--template', stage: '--stage' });
    const template = matchTemplate(fields.template);
    name = fields.name ?? template.name;
    input = checked('frameworks.create', { templateId: template.id, name: fields.name });
  } else {
    if (!fields.name) throw localError('VALIDATION_FAILED', 'errorsInput.frameworkNameNeeded', { name: '--name', template: '--template' });
    name = fields.name;
    input = checked('frameworks.create', { name: fields.name, description: fields.description, stages: (fields.stages ?? []).map((label) => ({ label })) });
  }
  const clash = frameworks.find((f) => foldName(f.name) === foldName(name));
  if (clash) throw localError('CONFLICT', 'errorsInput.frameworkExists', { name: clash.name, option: '--name' });
  const created = createFramework(p, input as Parameters<typeof createFramework>[1]);
  return fields.isDefault ? updateFramework(p, { id: created.id, isDefault: true }) : created;
}

export function addStageTo(p: Project, fields: { framework?: string | undefined; label: string; description?: string | undefined; asksMode?: boolean | undefined; position?: number | undefined }): FrameworkDto {
  const frameworks = p.overview().frameworks;
  const framework = fields.framework ? matchFramework(fields.framework, frameworks) : (frameworks.find((f) => f.isDefault) ?? frameworks[0]);
  if (!framework) throw localError('CONFLICT', 'errorsInput.noFrameworkAdd', { command: 'framework add' });
  const input = checked('stages.add', { frameworkId: framework.id, label: fields.label, description: fields.description, asksMode: fields.asksMode, position: fields.position }) as Parameters<typeof addStage>[1];
  const same = framework.stages.find((s) => foldName(s.label) === foldName(input.label));
  if (same) throw localError('CONFLICT', 'errorsInput.stageExists', { framework: framework.name, stage: same.label });
  return addStage(p, input);
}
