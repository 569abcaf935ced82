/**
 * Team commands (issue 20): `hub init`, `team create|join|remove`, `sync`, `conflicts`. Passwords for the hub come
 * from PGPASSFILE (read by the PostgreSQL client) or --password-file, never from the command line.
 */
import path from 'node:path';
import { ApiError } from '../contract/errors';
import { initHub } from '../core/team/hub/hub';
import { listConflicts, type Conflict } from '../core/team/merge';
import { syncDatabase, type SyncReport } from '../core/team/sync';
import { createTeam, joinTeam, removeMember } from '../core/team/team';
import { openForWriting, openProject, parse, readPassphrase, requireFile, UsageError, type Command } from './common';

export const TEAM_USAGE = `  hub init --url URL [--password-file PATH]
                             create or upgrade a team hub's schema in a PostgreSQL database
  team create FILE --hub URL --key-out KEYFILE [--team-passphrase-file PATH] [--json]
                             make FILE the start of a new team; writes the invitation key file, prints the team id
                             (with a team passphrase the key is derived from it, so members may join with either)
  team join --hub URL --team ID --key-file KEYFILE|--team-passphrase-file PATH --out FILE
                             join a team: FILE becomes your copy of the team project
  team remove --hub URL --team ID --role ROLE
                             (team owner) remove a member's PostgreSQL role: its syncs are refused from then on
  sync FILE [--json]         push this copy's changes to the hub and pull everyone else's
  conflicts FILE [--json]    list interpretations edited on two laptops at once (one value shown, the other kept)
`;

const HUB = { hub: { type: 'string' }, 'password-file': { type: 'string' } } as const;

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function requireOption(value: string | boolean | undefined, flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`Give ${flag}.`);
  return value;
}

function describeSync(report: SyncReport): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const conflicts = report.conflicts === 0 ? 'no conflicts' : `${plural(report.conflicts, 'conflict')} to review ("comparanda conflicts FILE")`;
  return `Sent ${plural(report.pushed, 'change')}, received ${plural(report.pulled, 'change')}; ${conflicts}.`;
}

function describeValue(value: unknown): string {
  if (value === null) return '(empty)';
  if (typeof value === 'object') return '(a file)';
  const text = String(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function describeConflict(c: Conflict, index: number): string {
  const what = c.field === 'row' ? `${c.table.replace(/s$/, '')} ${String(c.rowKey.id ?? JSON.stringify(c.rowKey))}: archived on one laptop, edited on another` : `${c.table.replace(/s$/, '')} ${String(c.rowKey.id ?? JSON.stringify(c.rowKey))}, ${c.field.replace(/_/g, ' ')}`;
  const lines = [`${index + 1}. ${what}`, `   shown: ${describeValue(c.shown.value)}`, ...c.kept.map((k) => `   kept:  ${describeValue(k.value)}`)];
  return lines.join('\n');
}

export const teamCommands: Record<string, Command> = {
  async hub(args) {
    const [sub, ...rest] = args;
    if (sub !== 'init') throw new UsageError('The hub command is "comparanda hub init --url URL".');
    const { values } = parse(rest, { url: { type: 'string' }, 'password-file': { type: 'string' } }, 0);
    const result = await initHub({ url: requireOption(values.url, '--url URL'), passwordFile: values['password-file'] });
    out(result.from === result.to ? `The hub is up to date (hub format ${result.to}).` : `The hub was ${result.from === 0 ? 'created' : 'upgraded'}: hub format ${result.to}.`);
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
      out(`Joined: ${values.out} holds the team project (${report.pulled} changes received).`);
      return;
    }
    if (sub === 'remove') {
      const { values } = parse(rest, { ...HUB, team: { type: 'string' }, role: { type: 'string' } }, 0);
      const n = await removeMember(requireOption(values.team, '--team ID'), requireOption(values.role, '--role ROLE'), { hubUrl: requireOption(values.hub, '--hub URL'), passwordFile: values['password-file'] });
      if (n === 0) throw new ApiError('NOT_FOUND', `The role "${values.role}" is not an active member of this team.`);
      out(`Removed "${values.role}": the hub refuses its syncs from now on. Rotate the team key if its copy must not read what it already has.`);
      return;
    }
    throw new UsageError('The team commands are "team create", "team join" and "team remove".');
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
      else out(conflicts.length === 0 ? 'No conflicts.' : conflicts.map(describeConflict).join('\n'));
    } finally {
      project.close();
    }
  },
};
