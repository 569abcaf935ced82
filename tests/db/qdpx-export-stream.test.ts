/**
 * The REFI-QDA export written as it is made (exporting/archive.ts): project.qde in pieces that join to the whole
 * document, a recorded name split between two pieces still refused, the event loop let in while a larger project
 * is written, and the project read as it was when the export began, whatever is edited meanwhile.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../electron/contract/errors';
import * as evidence from '../../electron/core/evidence';
import { exportQdpx } from '../../electron/core/exchange';
import { QdpxArchive } from '../../electron/core/exchange/exporting/archive';
import { readQdaXml } from '../../electron/core/exchange/model';
import { el, parseXml, renderXml, renderXmlPieces, textEl } from '../../electron/core/exchange/xml';
import { Project } from '../../electron/core/project';
import { recordedIdentities } from '../../electron/core/privacy/identities';
import { writeSampleProject } from '../../electron/core/sample';
import { sessionOn } from '../helpers/sample-session';
import { countTurns } from '../helpers/seeded';
import { listDir, tempDir } from '../helpers/temp';

const NAME = 'Aigerim Nurlanovna Bekova';

function sample(): { p: Project; dir: string } {
  const dir = tempDir();
  const file = path.join(dir, 'study.comparanda');
  writeSampleProject(file);
  return { p: Project.open(file), dir };
}

const noPause = () => Promise.resolve();

describe('project.qde in pieces', () => {
  it('joins to the whole document, each piece ending after a whole line', () => {
    const root = el('Project', { name: 'Ввод & <вывод>' }, [
      ...Array.from({ length: 300 }, (_, i) => el('Source', { guid: `g${i}` }, [textEl('Description', `line one ${i}\nline two «${i}»`), el('NoteRef', { targetGUID: `n${i}` })])),
    ]);
    const pieces = [...renderXmlPieces(root, 2000)];
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(renderXml(root));
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.length).toBeGreaterThanOrEqual(2000);
      // A piece ends after a whole element or tag: the next starts with one.
      expect(piece.endsWith('>\n')).toBe(true);
    }
    for (const piece of pieces.slice(1)) expect(piece.trimStart().startsWith('<')).toBe(true);
  });

  it('refuses a recorded name split between two pieces, and leaves nothing behind', async () => {
    const { p, dir } = sample();
    const participant = (p.db.prepare("SELECT id FROM participants WHERE pseudonym = 'CEC member 1'").get() as { id: string }).id;
    evidence.setIdentity(p, { id: participant, realName: NAME, identifiers: [] });
    const temp = path.join(dir, 'out.partial');
    const archive = new QdpxArchive(p.db, recordedIdentities(p.db), temp);
    // Each piece alone holds only part of the name.
    const pieces = ['<Project>\n  <Description>Speaker: Aigerim Nurlanovna</Description>\n', '  <Description>Bekova, in the second interview</Description>\n</Project>\n'];
    const refused = await archive.addXml('project.qde', pieces, noPause).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe('IDENTITY_IN_OUTPUT');
    archive.discard();
    expect(fs.existsSync(temp)).toBe(false);
    p.close();
  });
});

/** The sample project with a press archive: 150 sources of one document of ~30 KB of text each. */
function larger(): { p: Project; dir: string } {
  const { p, dir } = sample();
  const words = 'выборы election наблюдатели observers сайлау бақылаушылар'.split(' ');
  for (let i = 0; i < 150; i++) {
    const source = evidence.createSource(p, { kind: 'media', csl: { title: `Press article ${i}` } });
    const text = `Article ${i}. ${Array.from({ length: 4000 }, (_, j) => words[(i * 7 + j * 13) % words.length]).join(' ')}`;
    evidence.storeDocument(p, { fileName: `article-${i}.txt`, bytes: new TextEncoder().encode(text) }, { format: 'txt', mimeType: 'text/plain', pages: [{ number: 1, text }], title: null, warnings: [] }, { sourceId: source.id });
  }
  return { p, dir };
}

describe('an archive a ZIP without ZIP64 cannot hold', () => {
  it('is refused, with nothing left behind, past 4 GB or 65,535 files (here, limits made small)', async () => {
    const { p, dir } = sample();
    const identities = recordedIdentities(p.db);
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error as ApiError;
      }
      throw new Error('not refused');
    };
    const many = new QdpxArchive(p.db, identities, path.join(dir, 'many.partial'), { bytes: 0xffffffff, files: 3 });
    for (const i of [1, 2, 3]) many.addText(`Sources/${i}.txt`, `text ${i}`);
    const files = refusal(() => many.addBytes('Sources/4.pdf', new Uint8Array(10)));
    expect(files.code).toBe('VALIDATION_FAILED');
    expect(files.message).toBe('The REFI-QDA archive would hold more than a ZIP archive without the ZIP64 extension can (3 files), and Comparanda does not write that extension yet. Nothing was written.');
    many.discard();

    const big = new QdpxArchive(p.db, identities, path.join(dir, 'big.partial'), { bytes: 2000, files: 0xffff });
    // Bytes that do not compress.
    const random = new Uint8Array(crypto.randomBytes(3000));
    const bytes = refusal(() => big.addBytes('Sources/big.pdf', random));
    expect(bytes.message).toMatch(/\(4 GB\)/);
    big.discard();
    expect(listDir(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    p.close();
  });
});

describe('the REFI-QDA export of a larger project', () => {
  it('lets the event loop in while it writes, and exports the project as it was when asked, edits meanwhile aside', async () => {
    // Compressing 150 documents takes long enough to let the loop in.
    const { p, dir } = larger();
    const code = evidence.createCode(p, { name: 'Contestation' });
    const out = path.join(dir, 'archive.qdpx');
    const loop = countTurns();
    // At the export's first pause, the window renames the code (the codebook is read after the documents).
    let renamed = false;
    setImmediate(() => {
      evidence.updateCode(p, { id: code.id, name: 'Renamed while exporting' });
      renamed = true;
    });
    const { counts } = await exportQdpx(p, { out });
    expect(loop.stop()).toBeGreaterThan(3);
    expect(renamed).toBe(true);
    expect(counts.documents).toBeGreaterThanOrEqual(150);
    const entries = unzipSync(new Uint8Array(fs.readFileSync(out)));
    expect(Object.keys(entries).length).toBe(counts.files);
    const qda = readQdaXml(parseXml(new TextDecoder().decode(entries['project.qde']), 'archive.qdpx', 'project.qde'))!;
    const names = JSON.stringify(qda.codes);
    expect(names).toContain('Contestation');
    expect(names).not.toContain('Renamed while exporting');
    // Only the archive is left in the folder (no partial file), and the project has the new name.
    expect(listDir(dir).filter((f) => !f.startsWith('study.comparanda'))).toEqual(['archive.qdpx']);
    expect(evidence.listCodes(p).find((c) => c.id === code.id)?.name).toBe('Renamed while exporting');
    p.close();
  });

  it('goes on when the project is closed under it, which is one file again once the export ends', async () => {
    const { p, dir } = larger();
    const out = path.join(dir, 'after-close.qdpx');
    const file = p.path;
    // An edit, so that the WAL holds something to fold in; then the project closes at the export's first pause.
    evidence.createCode(p, { name: 'Written just before closing' });
    let closed = false;
    setImmediate(() => {
      p.close();
      closed = true;
    });
    const { counts } = await exportQdpx(p, { out });
    expect(closed).toBe(true);
    expect(counts.documents).toBeGreaterThanOrEqual(150);
    // The export's own connection was the last: it folded the WAL into the file as it closed.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reopened = Project.open(file);
    expect(evidence.listCodes(reopened).map((c) => c.name)).toContain('Written just before closing');
    reopened.close();
  });

  it('runs as a job: progress source by source, and a cancel leaves no file', async () => {
    const { p, dir } = larger();
    const file = p.path;
    p.close();
    const { session, ok, until } = await sessionOn(file);
    const out = path.join(dir, 'whole.qdpx');
    const finished = await until(await ok('exchange.startExportQdpx', { path: out }));
    expect(finished.state, finished.error?.message).toBe('done');
    expect(finished.kind).toBe('qdpx-export');
    expect(finished.done).toBe(finished.total);
    expect(finished.result?.exported?.path).toBe(out);
    expect(finished.result?.exported?.counts.documents).toBeGreaterThanOrEqual(150);
    expect(fs.existsSync(out)).toBe(true);

    const cancelledOut = path.join(dir, 'cancelled.qdpx');
    const running = await until(await ok('exchange.startExportQdpx', { path: cancelledOut }), (j) => j.done > 0 || j.state !== 'running');
    expect(running.state).toBe('running');
    expect(running.message).toMatch(/^Writing “/);
    await ok('jobs.cancel', { id: running.id });
    const stopped = await until(running, (j) => j.state !== 'running');
    expect(stopped.state).toBe('cancelled');
    session.close();
    expect(fs.existsSync(cancelledOut)).toBe(false);
    expect(listDir(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
