/**
 * A job's progress and failure in the user's language: the core sends each sentence as English plus its catalogue
 * entry, the client shows it in its language (the export dialog's "Printing the PDF…", an import's failure).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobDto } from '../../electron/contract/api';
import { createClient } from '../../electron/contract/client';
import { errorText } from '../../electron/contract/i18n/format';
import type { Language } from '../../electron/contract/i18n/languages';
import { Jobs } from '../../electron/core/jobs';
import { sampleSession } from '../helpers/sample-session';
import { withoutAllowedLatin } from '../helpers/latin-allowed';

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const session of opened.splice(0)) await session.close();
});

function clientIn(language: Language) {
  const sample = sampleSession();
  opened.push(sample.session);
  const api = createClient((method, input) => sample.dispatch(method, input), (said) => errorText(language, said));
  return { ...sample, api };
}

async function finished(api: ReturnType<typeof clientIn>['api'], first: JobDto, seen: string[]): Promise<JobDto> {
  let job = first;
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 5));
    job = await api['jobs.get']({ id: job.id });
    if (job.message) seen.push(job.message);
  }
  return job;
}

/** Latin letters left once names, formats and the file's own name are taken out. */
function english(text: string, ...names: string[]): string[] {
  let rest = withoutAllowedLatin(text);
  for (const name of names) rest = rest.split(name).join(' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

describe('jobs in the user’s language', () => {
  it('an export job says what it is doing in Russian and in Kazakh, English stays for logs', async () => {
    for (const language of ['ru', 'kk'] as const) {
      const { api, dir, dispatch } = clientIn(language);
      const out = path.join(dir, `matrix-${language}.csv`);
      const seen: string[] = [];
      const job = await finished(api, await api['export.run']({ what: 'matrix', format: 'csv', path: out }), seen);
      expect(job.state).toBe('done');
      expect(job.message.length).toBeGreaterThan(0);
      seen.push(job.message);
      for (const said of seen) expect(english(said, `matrix-${language}.csv`), said).toEqual([]);
      expect(job.message).toContain(`matrix-${language}.csv`);
      // The same job over the raw transport: English, with its catalogue entry.
      const raw = (await dispatch('jobs.get', { id: job.id })) as { ok: true; result: JobDto };
      expect(raw.result.message).toMatch(/^Writing matrix-/);
      expect(raw.result.text?.id).toBe('jobs.exportWrite');
    }
  });

  it('an export’s warnings are said in the window’s language, not the export’s', async () => {
    const { api, dir } = clientIn('ru');
    // A Kazakh export (no Kazakh CSL locale: warned) in Harvard, whose web sources lack access dates (warned).
    const started = await api['export.run']({ what: 'matrix', format: 'md', language: 'kk', style: 'harvard', path: path.join(dir, 'm.md') });
    const job = await finished(api, started, []);
    expect(job.state).toBe('done');
    const warnings = (job.result?.warnings ?? []).map((w) => w.message);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe('Для казахского языка нет локали CSL: заголовки, подписи и примечания написаны по-казахски, а в ссылках используются русские термины (ru-RU). Укажите --locale, чтобы выбрать другую.');
    expect(warnings[1]).toMatch(/^Cite Them Right .* указывает дату обращения к веб-источнику, а у \d+ цитируемых источников есть веб-адрес, но нет даты обращения: /);
  });

  it('a CSV preview’s notice and bad rows are said in the window’s language', async () => {
    const { api, dir } = clientIn('ru');
    const legacy = await api['data.previewCsv']({ kind: 'elections', path: path.join(__dirname, '../fixtures/csv/elections-windows-1251.csv') });
    expect(legacy.notices.map((n) => n.message)).toEqual([expect.stringMatching(/^Прочитан в кодировке Windows-1251 \(кириллица\): файл не в UTF-8\./) as string]);
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'case,date,type,round\nKazakhstan,2099-13-45,presidential,1\n');
    const preview = await api['data.previewCsv']({ kind: 'elections', path: bad });
    expect(preview.problems).toHaveLength(1);
    expect(preview.problems[0]!.message).toMatch(/[А-Яа-яЁё]{4,}/);
    // The file's own column name stays as written.
    expect(english(preview.problems[0]!.message, '2099-13-45', 'date')).toEqual([]);
  });

  it('a failed import job gives its reason in Russian', async () => {
    const { api, dir } = clientIn('ru');
    const broken = path.join(dir, 'broken.pdf');
    fs.writeFileSync(broken, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const job = await finished(api, await api['documents.import']({ path: broken }), []);
    expect(job.state).toBe('failed');
    expect(job.error?.message).toMatch(/[А-Яа-яЁё]{4,}/);
    expect(english(job.error?.message ?? '', 'broken.pdf'), job.error?.message).toEqual([]);
  });

  it('an unexpected failure names the job and is said in the client’s language', async () => {
    const jobs = new Jobs();
    const started = jobs.start('export', 'Export matrix as PDF', () => Promise.reject(new TypeError('boom')));
    const done = await jobs.wait(started.id);
    expect(done.error).toEqual({
      code: 'INTERNAL',
      message: 'Export matrix as PDF failed unexpectedly: boom',
      text: { id: 'jobs.unexpected', values: { job: 'Export matrix as PDF', detail: 'boom' } },
    });
    expect(errorText('ru', done.error!)).toBe('Задача «Export matrix as PDF» неожиданно прервалась: boom');
  });
});
