/** The small parts of the REFI-QDA exchange: GUIDs, colours, positions, machine notes, archive paths. */
import { describe, expect, it } from 'vitest';
import { safeSegments } from '../../electron/core/exchange/archive';
import { derivedGuid, normaliseGuid } from '../../electron/core/exchange/guid';
import { normaliseColor } from '../../electron/core/exchange/model';
import { decodeMachineNote, encodeMachineNote, markDescription, readMarker } from '../../electron/core/exchange/notes';
import { joinPages, locate, Positions, splitPages } from '../../electron/core/exchange/text';
import { escapeAttr, escapeText, parseXml, kid, attr, childText } from '../../electron/core/exchange/xml';

describe('GUIDs', () => {
  it('normalises braces and case, and refuses what is not a GUID', () => {
    expect(normaliseGuid('{AD68FBE7-E1EE-4A82-A279-23CC698C89EB}')).toBe('ad68fbe7-e1ee-4a82-a279-23cc698c89eb');
    expect(normaliseGuid(' ad68fbe7-e1ee-4a82-a279-23cc698c89eb ')).toBe('ad68fbe7-e1ee-4a82-a279-23cc698c89eb');
    expect(normaliseGuid('not-a-guid')).toBeNull();
    expect(normaliseGuid(undefined)).toBeNull();
  });

  it('derives stable version-5 UUIDs', () => {
    const a = derivedGuid('norm-stage', 'n', 's');
    expect(a).toBe(derivedGuid('norm-stage', 'n', 's'));
    expect(a).not.toBe(derivedGuid('norm-stage', 's', 'n'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('colours', () => {
  it('reads the notations found in real files', () => {
    expect(normaliseColor('#e69f00')).toBe('#E69F00');
    expect(normaliseColor('E69F00')).toBe('#E69F00');
    expect(normaliseColor('#abc')).toBe('#AABBCC');
    expect(normaliseColor('RGB(230, 159, 0)')).toBe('#E69F00');
    expect(normaliseColor('230,159,0')).toBe('#E69F00');
    expect(normaliseColor('rgba(0, 0, 0, 0.5)')).toBe('#000000');
    expect(normaliseColor('300,0,0')).toBeNull();
    expect(normaliseColor('red')).toBeNull();
  });
});

describe('positions', () => {
  it('counts code points (REFI-QDA) against UTF-16 units (JavaScript)', () => {
    const text = 'a🙂b «c»';
    const positions = new Positions(text);
    expect(positions.length).toBe(7);
    expect(positions.toUnit(2)).toBe(3);
    expect(positions.toCodePoint(3)).toBe(2);
    expect(positions.toUnit(8)).toBeNull();
    expect(new Positions('Казахстан').toUnit(4)).toBe(4);
  });

  it('joins pages with form feeds and finds a range again', () => {
    const paged = joinPages([
      { number: 2, text: 'Second' },
      { number: 1, text: 'First' },
    ]);
    expect(paged.text).toBe('First\fSecond');
    expect(locate(paged, 6, 12)).toEqual({ kind: 'page', page: 2, start: 0, end: 6, text: 'Second' });
    expect(locate(paged, 3, 9)).toEqual({ kind: 'pages', page: 1, lastPage: 2, text: 'st\nSec' });
    expect(splitPages('a\fb\f')).toEqual([
      { number: 1, text: 'a' },
      { number: 2, text: 'b' },
    ]);
  });
});

describe('machine-readable notes', () => {
  it('round-trips data whatever it contains', () => {
    const data = { summary: 'line\r\nbreak\f & <tags> \u2028', n: 1 };
    const text = encodeMachineNote('cell', data, 'readable copy');
    expect(text.split('\n')[0]).toBe('comparanda:cell v1');
    expect(decodeMachineNote(text)).toEqual({ kind: 'cell', version: 1, data, body: 'readable copy' });
    expect(decodeMachineNote(text.replace(/\n/g, '\r\n'))).toMatchObject({ kind: 'cell', data });
    expect(decodeMachineNote('An ordinary note')).toBeNull();
    expect(decodeMachineNote('comparanda:cell v1\n{broken')).toMatchObject({ kind: 'cell', error: expect.any(String) });
  });

  it('marks norm and stage codes on the last line of their description', () => {
    const normId = '11111111-1111-4111-8111-111111111111';
    const stageId = '22222222-2222-4222-8222-222222222222';
    const described = markDescription('What the norm says.', { kind: 'stage', normId, stageId });
    expect(described).toBe(`What the norm says.\n\n[comparanda:stage ${normId} ${stageId}]`);
    expect(readMarker(described)).toEqual({ description: 'What the norm says.', marker: { kind: 'stage', normId, stageId } });
    expect(readMarker(markDescription('', { kind: 'norm', normId }))).toEqual({ description: '', marker: { kind: 'norm', normId } });
    expect(readMarker('Plain description')).toEqual({ description: 'Plain description', marker: null });
  });
});

describe('archive paths and XML', () => {
  it('refuses paths that leave the folder', () => {
    expect(safeSegments('Sources/a.txt')).toEqual(['Sources', 'a.txt']);
    expect(safeSegments('./Sources//a.txt')).toEqual(['Sources', 'a.txt']);
    for (const bad of ['../a.txt', 'Sources/../../a.txt', '/etc/passwd', 'C:\\Windows\\x', '..\\x']) expect(safeSegments(bad), bad).toBeNull();
  });

  it('escapes what it writes so that it reads back the same', () => {
    const value = 'A & B <c> "d"\nline\ttab\rcr';
    const xml = `<Root name="${escapeAttr(value)}"><Text>${escapeText(value)}</Text></Root>`;
    const root = kid(parseXml(xml, 'test.xml', 'XML'), 'Root');
    expect(attr(root, 'name')).toBe(value);
    expect(childText(root, 'Text')).toBe(value);
    expect(escapeText('form\ffeed')).toBe('formfeed');
  });
});

describe('XML that is not well-formed', () => {
  const head = '<?xml version="1.0" encoding="utf-8"?>\r\n<Project xmlns="urn:QDA-XML:project:1.0" name="x">\r\n  <Sources>\r\n    <TextSource guid="a" name="b">\r\n';
  const message = (xml: string) => {
    try {
      parseXml(xml, 'p.qdpx', 'project.qde');
    } catch (error) {
      return (error as Error).message;
    }
    return 'parsed';
  };

  it('says where a truncated file ends and which elements it leaves open, not "line 1, column 1"', () => {
    expect(message(`${head}      <PlainTextSelection guid="c"/>\r\n      <Desc`)).toBe(
      '"p.qdpx" cannot be read: its project.qde ends before its elements are closed (line 6, column 12, where the file ends; still open: <Project>, <Sources>, <TextSource>, <Desc>), so the file looks cut short. Export it again from the program that made it.',
    );
    expect(message(head)).toMatch(/\(line 5, column 1, where the file ends; still open: <Project>, <Sources>, <TextSource>\)/);
  });

  it('keeps the position the parser gives for other faults', () => {
    expect(message(`${head}  </TextSo`)).toMatch(/is not well-formed XML \(line 5, column 11: Closing tag .TextSo. doesn.t have proper closing\)\. Export/);
  });
});
