/**
 * `new`, `case`, `norm`, `framework` and `stage`: a project's structure built from a script, so that a study can be
 * set up reproducibly without the window. Writing subcommands take the app's lock (see common.ts); `list` only reads.
 */
import type { CaseDto, CaseRole } from '../contract/api';
import { isLanguage } from '../contract/i18n/languages';
import { listAttributes } from '../core/repos/cases';
import { addCase, addFramework, addNorm, addStageTo, changeCase, createProjectFile, setCaseArchived, setNormArchived } from '../core/structure';
import { FRAMEWORK_TEMPLATES } from '../core/templates';
import { openForWriting, openProject, parse, readPassphrase, requireFile, UsageError, type Command } from './common';
import type { HelpEntry } from './help';
import { cliLanguage, orList, print, say } from './say';

export const STRUCTURE_HELP: HelpEntry[] = [
  {
    synopsis: ['new FILE [--title TEXT] [--framework TEMPLATE] [--passphrase-file PATH] [--language en|ru|kk]'],
    description: 'helpNew',
    values: { list: '"framework list"', passphrase: '--passphrase-file', language: '--language' },
  },
  { synopsis: ['case add FILE --name NAME [--iso CODE] [--role focal|comparison] [--notes TEXT]'] },
  { synopsis: ['case update FILE CASE [--name NAME] [--iso CODE] [--role focal|comparison] [--notes TEXT]'] },
  { synopsis: ['case list FILE [--json]'], description: 'helpCases', values: { clear: '--iso ""' } },
  { synopsis: ['case archive|unarchive FILE CASE'], description: 'helpCaseArchive' },
  { synopsis: ['norm add FILE --label LABEL [--short TEXT] [--description TEXT] [--framework NAME]'] },
  { synopsis: ['norm list FILE [--json]'], description: 'helpNorms' },
  { synopsis: ['norm archive|unarchive FILE NORM'], description: 'helpNormArchive' },
  { synopsis: ['framework add FILE (--name NAME --stage LABEL [--stage LABEL]... | --template TEMPLATE [--name NAME]) [--default]'] },
  { synopsis: ['framework list FILE [--json]'], description: 'helpFrameworks' },
  { synopsis: ['stage add FILE --label LABEL [--framework NAME] [--description TEXT] [--asks-mode] [--position N]'], description: 'helpStage', values: { position: '--position' } },
];

const ROLES = ['focal', 'comparison'] as const;

function role(value: string | undefined): CaseRole | undefined {
  if (value === undefined) return undefined;
  if (!(ROLES as readonly string[]).includes(value)) throw new UsageError('mustBe', { option: '--role', allowed: orList(ROLES), value });
  return value as CaseRole;
}

function subcommand(name: string, args: string[], handlers: Record<string, Command>): void | Promise<void> {
  const [sub, ...rest] = args;
  const handler = sub && Object.hasOwn(handlers, sub) ? handlers[sub] : undefined;
  if (!handler) throw new UsageError('sayWhatToDo', { synopsis: `comparanda ${name} ${Object.keys(handlers).join('|')} FILE ...` });
  return handler(rest);
}

const describeCase = (c: CaseDto) => say('caseSummary', { name: c.name, iso: c.isoCode ? ` (${c.isoCode})` : '', role: c.role, archived: c.archived ? 'yes' : 'no' });

function write(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** `case archive|unarchive FILE CASE` and the same for norms. */
function archiving(kind: 'case' | 'norm', archived: boolean): Command {
  return (rest) => {
    const { values, positionals } = parse(rest, {}, 2);
    const file = requireFile(positionals);
    const query = positionals[1];
    if (!query) throw new UsageError(kind === 'case' ? 'nameCase' : 'nameNorm', { synopsis: `comparanda ${kind} ${archived ? 'archive' : 'unarchive'} FILE ${kind.toUpperCase()}` });
    const project = openForWriting(file, values, 'changed');
    try {
      if (kind === 'case') {
        const kase = setCaseArchived(project, query, archived);
        if (archived) print('archivedCase', { summary: describeCase(kase), undo: '"case unarchive"' });
        else print('restoredCase', { summary: describeCase(kase) });
      } else {
        const norm = setNormArchived(project, query, archived);
        if (archived) print('archivedNorm', { label: norm.label, undo: '"norm unarchive"' });
        else print('restoredNorm', { label: norm.label });
      }
    } finally {
      project.close();
    }
  };
}

export const structureCommands: Record<string, Command> = {
  new(args) {
    const { values, positionals } = parse(args, { title: { type: 'string' }, framework: { type: 'string' }, language: { type: 'string' } }, 1);
    const file = requireFile(positionals, 'giveNewFile');
    // chooseLanguage has checked the flag; without it the framework's words are in the run's language, as messages are.
    const language = isLanguage(values.language) ? values.language : cliLanguage();
    const created = createProjectFile(file, { title: values.title, template: values.framework, passphrase: readPassphrase(values['passphrase-file']), language });
    print('created', { path: created.path, framework: created.framework });
  },

  case(args) {
    return subcommand('case', args, {
      add(rest) {
        const { values, positionals } = parse(rest, { name: { type: 'string' }, iso: { type: 'string' }, role: { type: 'string' }, notes: { type: 'string' } }, 1);
        const file = requireFile(positionals);
        if (values.name === undefined) throw new UsageError('giveCaseName', { option: '--name NAME' });
        const project = openForWriting(file, values, 'changed');
        try {
          print('addedCase', { summary: describeCase(addCase(project, { name: values.name, isoCode: values.iso, role: role(values.role), notes: values.notes })) });
        } finally {
          project.close();
        }
      },
      update(rest) {
        const { values, positionals } = parse(rest, { name: { type: 'string' }, iso: { type: 'string' }, role: { type: 'string' }, notes: { type: 'string' } }, 2);
        const file = requireFile(positionals);
        const query = positionals[1];
        if (!query) throw new UsageError('nameCaseToChange', { synopsis: 'comparanda case update FILE CASE --iso CODE' });
        if ([values.name, values.iso, values.role, values.notes].every((v) => v === undefined)) throw new UsageError('sayWhatToChange', { options: orList(['--name', '--iso', '--role', '--notes']) });
        const project = openForWriting(file, values, 'changed');
        try {
          print('updatedCase', { summary: describeCase(changeCase(project, query, { name: values.name, isoCode: values.iso, role: role(values.role), notes: values.notes })) });
        } finally {
          project.close();
        }
      },
      list(rest) {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' } }, 1);
        const project = openProject(requireFile(positionals), values, true);
        try {
          const attributes = listAttributes(project.db);
          const named = (c: CaseDto) => Object.fromEntries(attributes.filter((a) => c.attributes[a.id] !== undefined).map((a) => [a.name, c.attributes[a.id]]));
          const cases = project.overview().cases;
          if (values.json) {
            write(JSON.stringify(cases.map((c) => ({ id: c.id, name: c.name, isoCode: c.isoCode, role: c.role, notes: c.notes, archived: c.archived, attributes: named(c) })), null, 2));
            return;
          }
          if (cases.length === 0) print('noCases', { synopsis: '"comparanda case add FILE --name NAME --iso CODE"' });
          for (const c of cases) {
            const attrs = Object.entries(named(c)).map(([k, v]) => `${k}: ${String(v)}`);
            write(`${c.name.padEnd(24)} ${(c.isoCode ?? '—').padEnd(4)} ${say('caseRole', { role: c.role })}${c.archived ? ` ${say('archivedMark')}` : ''}${attrs.length ? `  ${attrs.join('; ')}` : ''}`);
          }
        } finally {
          project.close();
        }
      },
      archive: archiving('case', true),
      unarchive: archiving('case', false),
    });
  },

  norm(args) {
    return subcommand('norm', args, {
      add(rest) {
        const { values, positionals } = parse(rest, { label: { type: 'string' }, short: { type: 'string' }, description: { type: 'string' }, framework: { type: 'string' } }, 1);
        const file = requireFile(positionals);
        if (values.label === undefined) throw new UsageError('giveNormLabel', { option: '--label LABEL' });
        const project = openForWriting(file, values, 'changed');
        try {
          const norm = addNorm(project, { label: values.label, shortLabel: values.short, description: values.description, framework: values.framework });
          const framework = project.overview().frameworks.find((f) => f.id === norm.frameworkId);
          print('addedNorm', { label: norm.label, short: norm.shortLabel ? ` (${norm.shortLabel})` : '', framework: framework?.name ?? '' });
        } finally {
          project.close();
        }
      },
      list(rest) {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' } }, 1);
        const project = openProject(requireFile(positionals), values, true);
        try {
          const { norms, frameworks } = project.overview();
          const frameworkOf = (id: string) => frameworks.find((f) => f.id === id)?.name ?? '';
          if (values.json) {
            write(JSON.stringify(norms.map((n) => ({ id: n.id, label: n.label, shortLabel: n.shortLabel, framework: frameworkOf(n.frameworkId), archived: n.archived })), null, 2));
            return;
          }
          if (norms.length === 0) print('noNorms', { synopsis: '"comparanda norm add FILE --label LABEL"' });
          for (const n of norms) write(`${n.label}${n.shortLabel ? ` (${n.shortLabel})` : ''}${n.archived ? ` ${say('archivedMark')}` : ''}\n  ${say('normFramework', { name: frameworkOf(n.frameworkId) })}`);
        } finally {
          project.close();
        }
      },
      archive: archiving('norm', true),
      unarchive: archiving('norm', false),
    });
  },

  framework(args) {
    return subcommand('framework', args, {
      add(rest) {
        const { values, positionals } = parse(
          rest,
          { name: { type: 'string' }, template: { type: 'string' }, description: { type: 'string' }, stage: { type: 'string', multiple: true }, default: { type: 'boolean' } },
          1,
        );
        const file = requireFile(positionals);
        if (!values.template && !values.stage?.length) throw new UsageError('giveStages', { stage: '--stage LABEL', template: '--template' });
        const project = openForWriting(file, values, 'changed');
        try {
          const framework = addFramework(project, { name: values.name, template: values.template, description: values.description, stages: values.stage, isDefault: values.default });
          print('addedFramework', { name: framework.name, isDefault: framework.isDefault ? 'yes' : 'no', stages: framework.stages.map((s) => s.label).join(' → ') });
        } finally {
          project.close();
        }
      },
      list(rest) {
        const { values, positionals } = parse(rest, { json: { type: 'boolean' } }, 1);
        const project = openProject(requireFile(positionals), values, true);
        try {
          const { frameworks } = project.overview();
          const templates = FRAMEWORK_TEMPLATES.map((t) => ({ id: t.id, name: t.name, stages: t.stages.map((s) => s.label) }));
          if (values.json) {
            write(
              JSON.stringify(
                {
                  frameworks: frameworks.map((f) => ({
                    id: f.id,
                    name: f.name,
                    isDefault: f.isDefault,
                    template: f.template,
                    stages: f.stages.map((s) => ({ position: s.position, label: s.label, asksMode: s.asksMode })),
                    statuses: f.statuses.map((s) => ({ key: s.key, label: s.label })),
                  })),
                  templates,
                },
                null,
                2,
              ),
            );
            return;
          }
          for (const f of frameworks) {
            write(`${f.name}${f.isDefault ? ` ${say('defaultMark')}` : ''}`);
            for (const s of f.stages) write(`  ${s.position}. ${s.label}${s.asksMode ? ` ${say('asksMode')}` : ''}`);
            write(`  ${say('statuses', { statuses: f.statuses.map((s) => s.label).join(', ') })}`);
          }
          print('templatesFor', { new: '"new --framework"', add: '"framework add --template"' });
          for (const t of templates) write(`  ${t.id.padEnd(32)} ${t.name}`);
        } finally {
          project.close();
        }
      },
    });
  },

  stage(args) {
    return subcommand('stage', args, {
      add(rest) {
        const { values, positionals } = parse(
          rest,
          { label: { type: 'string' }, framework: { type: 'string' }, description: { type: 'string' }, 'asks-mode': { type: 'boolean' }, position: { type: 'string' } },
          1,
        );
        const file = requireFile(positionals);
        if (values.label === undefined) throw new UsageError('giveStageLabel', { option: '--label LABEL' });
        const position = values.position === undefined ? undefined : Number(values.position);
        if (position !== undefined && (!Number.isInteger(position) || position < 1)) throw new UsageError('positionWhole', { option: '--position' });
        const project = openForWriting(file, values, 'changed');
        try {
          const framework = addStageTo(project, { framework: values.framework, label: values.label, description: values.description, asksMode: values['asks-mode'], position });
          print('addedStage', { label: values.label.trim(), framework: framework.name, stages: framework.stages.map((s) => s.label).join(' → ') });
        } finally {
          project.close();
        }
      },
    });
  },
};
