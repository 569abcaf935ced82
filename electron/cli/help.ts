/**
 * `comparanda help`: synopsis lines (command and option names, as typed) stay verbatim in every language; the
 * descriptions are catalogue messages, wrapped to the width the help has always had.
 */
import { say, type CliKey } from './say';
import type { MessageValues } from '../contract/i18n/format';

export interface HelpEntry {
  /** The command's synopsis, one string per line; the first starts with the command's name. */
  synopsis: readonly string[];
  description?: CliKey;
  values?: MessageValues;
}

const DESCRIPTION_COLUMN = 29;
const KEEP_TOGETHER = '\u0000';

/** An option with its value (`--include "?"`) is never split across two lines. */
function unbroken(values: MessageValues | undefined): MessageValues | undefined {
  if (!values) return values;
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, typeof value === 'string' ? value.replaceAll(' ', KEEP_TOGETHER) : value]));
}

function rejoin(line: string): string {
  return line.replaceAll(KEEP_TOGETHER, ' ');
}
const WIDTH = 117;

/** Words of `text` in lines of at most `width` characters (a longer word stands alone on its line). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Each entry: its synopsis lines indented by two, then its description from column 29 — on the synopsis's last line
 * when that is short enough, as `info FILE [--json]` has always been shown.
 */
export function renderEntries(entries: readonly HelpEntry[]): string {
  const out: string[] = [];
  const indent = ' '.repeat(DESCRIPTION_COLUMN);
  for (const entry of entries) {
    const synopsis = entry.synopsis.map((line, i) => (i === 0 ? `  ${line}` : `             ${line}`));
    const description = entry.description ? wrap(say(entry.description, unbroken(entry.values)), WIDTH - DESCRIPTION_COLUMN).map(rejoin) : [];
    const last = synopsis.at(-1);
    if (description.length > 0 && last !== undefined && last.length < DESCRIPTION_COLUMN - 1) {
      synopsis[synopsis.length - 1] = `${last.padEnd(DESCRIPTION_COLUMN)}${description.shift()}`;
    }
    out.push(...synopsis, ...description.map((line) => `${indent}${line}`));
  }
  return `${out.join('\n')}\n`;
}

/** A paragraph of the help, wrapped, starting at the margin. */
export function paragraph(key: CliKey, values?: MessageValues, margin = ''): string {
  return wrap(say(key, unbroken(values)), WIDTH - margin.length)
    .map((line) => `${margin}${rejoin(line)}`)
    .join('\n');
}
