/**
 * Team commands (issue 20): `hub init`, `team create|join|remove`, `sync`, `conflicts`. Passwords for the hub come
 * from PGPASSFILE (read by the PostgreSQL client) or --password-file, never from the command line.
 */
import path from 'node:path';
import { initHub } from '../core/team/hub/hub';
import { listConflicts, type Conflict } from '../core/team/merge';
import { syncDatabase, type SyncReport } from '../core/team/sync';
import { createTeam, joinTeam, removeMember } from '../core/team/team';
import { localError } from '../contract/i18n/format';
import { openForWriting, openProject, parse, readPassphrase, requireFile, UsageError, type Command } from './common';
import type { HelpEntry } from './help';
import { andList, print, say } from './say';

export const TEAM_HELP: HelpEntry[] = [
  { synopsis: ['hub init --url URL [--password-file PATH]'], description: 'helpHubInit' },
  { synopsis: ['team create FILE --hub URL --key-out KEYFILE [--team-passphrase-file PATH] [--json]'], description: 'helpTeamCreate', values: { file: 'FILE' } },
  { synopsis: ['team join --hub URL --team ID --key-file KEYFILE|--team-passphrase-file PATH --out FILE'], description: 'helpTeamJoin', values: { file: 'FILE' } },
  { synopsis: ['team remove --hub URL --team ID --role ROLE'], description: 'helpTeamRemove' },
  { synopsis: ['sync FILE [--json]'], description: 'helpSync' },
  { synopsis: ['conflicts FILE [--json]'], description: 'helpConflicts' },
];

const HUB = { hub: { type: 'string' }, 'password-file': { type: 'string' } } as const;

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function requireOption(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError('give', { what: flag });
  return value;
}

function describeSync(report: SyncReport): string {
  return say('synced', { pushed: report.pushed, pulled: report.pulled, conflicts: report.conflicts, command: '"comparanda conflicts FILE"' });
}

function describeValue(value: unknown): string {
  if (value === null) return say('emptyValue');
  if (typeof value === 'object') return say('fileValue');
  const text = String(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function describeConflict(c: Conflict, index: number): string {
  // Table and column names are the database's own (a script may match them): they stay as they are.
  const row = { index: index + 1, table: c.table.replace(/s$/, ''), id: String(c.rowKey.id ?? JSON.stringify(c.rowKey)) };
  const what = c.field === 'row' ? say('conflictArchived', row) : say('conflictField', { ...row, field: c.field.replace(/_/g, ' ') });
  const lines = [what, `   ${say('conflictShown', { value: describeValue(c.shown.value) })}`, ...c.kept.map((k) => `   ${say('conflictKept', { value: describeValue(k.value) })}`)];
  return lines.join('\n');
}

export const teamCommands: Record<string, Command> = {
  async hub(args) {
    const [sub, ...rest] = args;
    if (sub !== 'init') throw new UsageError('hubCommandIs', { synopsis: '"comparanda hub init --url URL"' });
    const { values } = parse(rest, { url: { type: 'string' }, 'password-file': { type: 'string' } }, 0);
    const result = await initHub({ url: requireOption(values.url, '--url URL'), passwordFile: values['password-file'] });
    if (result.from === result.to) print('hubUpToDate', { format: result.to });
    else print('hubMade', { created: result.from === 0 ? 'yes' : 'no', format: result.to });
  },

  async team(args) {
    const [sub, ...rest] = args;
    if (sub === 'create') {
      const { values, positionals } = parse(rest, { ...HUB, 'key-out': { type: 'string' }, 'team-passphrase-file': { type: 'string' }, json: { type: 'boolean' } }, 1);
      const file = requireFile(positionals);
      const hubUrl = requireOption(values.hub, '--hub URL');
      const keyOut = requireOption(values['key-out'], '--key-out KEYFILE');
      const project = openForWriting(file, values, 'shared');
      try {
        const { teamId } = await createTeam(project, path.resolve(keyOut), { hubUrl, passwordFile: values['password-file'], teamPassphrase: readPassphrase(values['team-passphrase-file']) });
        out(values.json ? JSON.stringify({ teamId }) : teamId);
      } finally {
        project.close();
      }
      return;
    }
    if (sub === 'join') {
      const { values } = parse(rest, { ...HUB, team: { type: 'string' }, 'key-file': { type: 'string' }, 'team-passphrase-file': { type: 'string' }, out: { type: 'string' } }, 0);
      const teamPassphrase = readPassphrase(values['team-passphrase-file']);
      const keyFile = teamPassphrase === undefined ? requireOption(values['key-file'], '--key-file KEYFILE (or --team-passphrase-file PATH)') : values['key-file'];
      const report = await joinTeam(path.resolve(requireOption(values.out, '--out FILE')), requireOption(values.team, '--team ID'), keyFile, {
        hubUrl: requireOption(values.hub, '--hub URL'),
        passwordFile: values['password-file'],
        teamPassphrase,
      });
      print('joined', { file: values.out ?? '', count: report.pulled });
      return;
    }
    if (sub === 'remove') {
      const { values } = parse(rest, { ...HUB, team: { type: 'string' }, role: { type: 'string' } }, 0);
      const n = await removeMember(requireOption(values.team, '--team ID'), requireOption(values.role, '--role ROLE'), { hubUrl: requireOption(values.hub, '--hub URL'), passwordFile: values['password-file'] });
      if (n === 0) throw localError('NOT_FOUND', 'cli.notActiveMember', { role: values.role ?? '' });
      print('removedRole', { role: values.role ?? '' });
      return;
    }
    throw new UsageError('teamCommandsAre', { commands: andList(['"team create"', '"team join"', '"team remove"']) });
  },

  async sync(args) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' }, 'password-file': { type: 'string' } }, 1);
    const project = openForWriting(requireFile(positionals), values, 'synced');
    try {
      const report = await syncDatabase(project.db, { passwordFile: values['password-file'] });
      out(values.json ? JSON.stringify(report) : describeSync(report));
    } finally {
      project.close();
    }
  },

  conflicts(args) {
    const { values, positionals } = parse(args, { json: { type: 'boolean' } }, 1);
    const project = openProject(requireFile(positionals), values, true);
    try {
      const conflicts = listConflicts(project.db);
      if (values.json) out(JSON.stringify(conflicts));
      else out(conflicts.length === 0 ? say('noConflicts') : conflicts.map(describeConflict).join('\n'));
    } finally {
      project.close();
    }
  },
};
