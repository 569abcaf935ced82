/**
 * Regenerates the REFI-QDA fixtures under tests/fixtures/refi-qda:
 *
 *   npx tsx scripts/make-qdpx-fixtures.ts
 *
 * - Project.xsd, Codebook.xsd and atlasti-standard-project.qdpx are copied from ../shared/refi-qda when that folder
 *   exists (tests and CI use the committed copies);
 * - forgiving.qdpx is a hand-made project with the faults real files have (see its comments below);
 * - codebook-foreign.qdc is a hand-made codebook from "another program";
 * - the bad-*.qdpx files are the bad inputs an import must refuse with nothing written.
 *
 * The texts are illustrative test material written for these fixtures. Every archive is written with a fixed date,
 * so running the script twice gives the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'tests/fixtures/refi-qda');
const shared = path.resolve(root, '..', 'shared', 'refi-qda');
const MTIME = new Date('2025-01-01T00:00:00Z');

function write(name: string, data: string | Uint8Array): void {
  fs.writeFileSync(path.join(dir, name), data);
  console.log(`  ${path.relative(root, path.join(dir, name))} (${fs.statSync(path.join(dir, name)).size} bytes)`);
}

function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  const input: Zippable = {};
  for (const [name, data] of Object.entries(files)) input[name] = [typeof data === 'string' ? new TextEncoder().encode(data) : data, { mtime: MTIME }];
  return zipSync(input, { level: 6, mtime: MTIME });
}

const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
/** Code-point positions of `part` in `text` (REFI-QDA counts characters, not UTF-16 units). */
function span(text: string, part: string, from = 0): [number, number] {
  const at = text.indexOf(part, from);
  if (at < 0) throw new Error(`"${part}" is not in the text`);
  const start = Array.from(text.slice(0, at)).length;
  return [start, start + Array.from(part).length];
}

const g = (n: number, prefix: string) => `${prefix}000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

// ---------------------------------------------------------------------------------------------------------------
// forgiving.qdpx: CRLF line endings, GUIDs in braces and upper case, colours as RGB(…), bare hex and #RGB, a code
// without isCodable, a source without a name, bare and relative file paths, a lower-case sources/ folder, unknown
// elements, an empty <Sets/>, Cyrillic, Kazakh and accented names, an emoji before a selection (code points), a
// selection across a page break, one outside the text, a Word source whose files are missing, an audio source.

const INTERVIEW = [
  'Интервью 1, Алматы. Собеседник: член ЦИК 2.\n\nНаблюдателям разрешили присутствовать, но стоять далеко от урн.',
  'Page two. “The observers were told to stand back during the count.”\n\nҚазақ тілінде: сайлау әділ болды ма?',
].join('\f');
const SHARED = 'Shared notes. Observers 🙂 were told: «Stand back». Elections équitables?';
const REPRESENTATION = ['Election observation in Kazakhstan. Observers were admitted under the 1995 law.', 'Выборы в Казахстане. Наблюдатели были допущены.'].join('\f');
const INLINE = 'Inline text of a source: «short».';

function forgiving(): Uint8Array {
  const pdf = fs.readFileSync(path.join(root, 'tests/fixtures/documents/ru-kk.pdf'));
  const sel = (text: string, part: string, from = 0) => {
    const [s, e] = span(text, part, from);
    return `startPosition="${s}" endPosition="${e}"`;
  };
  const pageBreak = INTERVIEW.indexOf('\f');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Полевые интервью (forgiving fixture)" origin="Hand-made test fixture 1.0">
  <Users>
    <User guid="{11111111-1111-4111-8111-111111111111}" name="Айгерим"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="{${g(1, 'A1').toUpperCase()}}" name="Наблюдатели" color="RGB(230, 159, 0)">
        <Description>Observers and their access</Description>
        <Code guid="${g(2, 'A1').toUpperCase()}" name="Доступ наблюдателей" isCodable="true" color="009E73"/>
      </Code>
      <Code guid="${g(3, 'a1')}" name="Élections équitables" isCodable="true" color="#56b4e9"><Frobnicate level="3"/></Code>
      <Code guid="{${g(4, 'A1')}}" name="Double standards" isCodable="true" color="#abc"/>
    </Codes>
  </CodeBook>
  <Variables>
    <Variable guid="${g(1, 'B1')}" name="Region" typeOfVariable="Text"/>
    <Variable guid="${g(2, 'B1')}" name="Interviews" typeOfVariable="Integer"/>
    <Variable guid="${g(3, 'B1')}" name="Turnout" typeOfVariable="Float"/>
    <Variable guid="${g(4, 'B1')}" name="OSCE participant since" typeOfVariable="Date"/>
    <Variable guid="${g(5, 'B1')}" name="Observer access" typeOfVariable="Boolean"/>
    <Variable guid="${g(6, 'B1')}" name="Last visit" typeOfVariable="DateTime"/>
  </Variables>
  <Cases>
    <Case guid="{${g(1, 'C1')}}" name="Казахстан">
      <Description>Focal case, Central Asia</Description>
      <VariableValue><VariableRef targetGUID="${g(1, 'B1')}"/><TextValue>Центральная Азия</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(2, 'B1')}"/><IntegerValue>3</IntegerValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(3, 'B1')}"/><FloatValue>61.5</FloatValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(4, 'B1')}"/><DateValue>1992-01-30</DateValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(5, 'B1')}"/><BooleanValue>true</BooleanValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(6, 'B1')}"/><DateTimeValue>2021-01-10T09:00:00Z</DateTimeValue></VariableValue>
      <SourceRef targetGUID="{${g(1, 'D1')}}"/>
      <SourceRef targetGUID="${g(3, 'D1')}"/>
    </Case>
    <Case guid="${g(2, 'C1')}" name="Belarus">
      <VariableValue><VariableRef targetGUID="${g(5, 'B1')}"/><BooleanValue>false</BooleanValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${g(2, 'B1')}"/><IntegerValue>many</IntegerValue></VariableValue>
      <SelectionRef targetGUID="${g(3, 'E1')}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="{${g(1, 'D1').toUpperCase()}}" name="Интервью 1 (Алматы).txt" plainTextPath="internal://${g(1, 'D1').toUpperCase()}.txt" creatingUser="{11111111-1111-4111-8111-111111111111}">
      <PlainTextSelection guid="{${g(1, 'E1')}}" name="Наблюдателям разрешили…" ${sel(INTERVIEW, 'Наблюдателям разрешили присутствовать')}>
        <Description>Важная цитата</Description>
        <Coding guid="${g(1, 'F1')}"><CodeRef targetGUID="{${g(2, 'A1')}}"/></Coding>
        <Coding guid="${g(2, 'F1')}"><CodeRef targetGUID="${g(4, 'A1')}"/></Coding>
        <NoteRef targetGUID="${g(1, '91')}"/>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(2, 'E1')}" ${sel(INTERVIEW, 'The observers were told to stand back during the count.')}>
        <Coding guid="${g(3, 'F1')}"><CodeRef targetGUID="${g(3, 'A1')}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="${g(7, 'E1')}" name="across the page break" ${sel(INTERVIEW, INTERVIEW.slice(pageBreak - 10, pageBreak + 10))}/>
      <PlainTextSelection guid="${g(8, 'E1')}" name="outside the text" startPosition="99999" endPosition="100010"/>
      <NoteRef targetGUID="${g(2, '91')}"/>
    </TextSource>
    <TextSource guid="${g(2, 'D1')}" plainTextPath="shared-notes.txt">
      <PlainTextSelection guid="${g(3, 'E1')}" name="Stand back" ${sel(SHARED, '«Stand back»')}>
        <Coding guid="${g(4, 'F1')}"><CodeRef targetGUID="${g(3, 'A1')}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PDFSource guid="${g(3, 'D1')}" name="Observer report.pdf" path="sources/observer-report.pdf">
      <Representation guid="${g(4, 'D1')}" name="Representation_for_Observer report.pdf" plainTextPath="internal://${g(4, 'D1')}.txt">
        <PlainTextSelection guid="${g(4, 'E1')}" name="Наблюдатели были допущены" ${sel(REPRESENTATION, 'Наблюдатели были допущены')}>
          <Coding guid="${g(5, 'F1')}"><CodeRef targetGUID="${g(2, 'A1')}"/></Coding>
        </PlainTextSelection>
      </Representation>
    </PDFSource>
    <TextSource guid="${g(5, 'D1')}" name="Inline source">
      <PlainTextContent>${INLINE.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</PlainTextContent>
      <PlainTextSelection guid="${g(5, 'E1')}" ${sel(INLINE, 'Inline text')}>
        <Coding guid="${g(6, 'F1')}"><CodeRef targetGUID="${g(1, 'A1')}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="${g(6, 'D1')}" name="Missing.docx" richTextPath="internal://${g(60, 'D1')}.docx" plainTextPath="internal://${g(61, 'D1')}.txt">
      <PlainTextSelection guid="${g(6, 'E1')}" startPosition="0" endPosition="10">
        <Coding guid="${g(7, 'F1')}"><CodeRef targetGUID="${g(1, 'A1')}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <AudioSource guid="${g(7, 'D1')}" name="Interview 3.mp3" path="internal://${g(7, 'D1')}.mp3"/>
  </Sources>
  <Notes>
    <Note guid="${g(1, '91')}" name="Памятка"><PlainTextContent>Quote checked against the recording.</PlainTextContent></Note>
    <Note guid="${g(2, '91')}" name="About the interview"><PlainTextContent>Interview held in Almaty, in Russian.</PlainTextContent></Note>
    <Note guid="${g(3, '91')}" name="About Kazakhstan"><Description>Linked to the case</Description><PlainTextContent>Case note, attached through a link.</PlainTextContent></Note>
    <Note guid="${g(4, '91')}" name="Free note"><PlainTextContent>Unattached.</PlainTextContent></Note>
  </Notes>
  <Links>
    <Link guid="${g(1, '81')}" originGUID="${g(3, '91')}" targetGUID="{${g(1, 'C1').toUpperCase()}}" direction="OneWay"/>
  </Links>
  <Sets/>
  <SomethingNew version="2"><Nested/></SomethingNew>
</Project>
`;
  return zip({
    'Project.qde': crlf(xml),
    [`sources/${g(1, 'D1')}.txt`]: INTERVIEW,
    'sources/shared-notes.txt': SHARED,
    'sources/observer-report.pdf': new Uint8Array(pdf),
    [`sources/${g(4, 'D1')}.txt`]: REPRESENTATION,
  });
}

function codebook(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Another QDA program 12">
  <Codes>
    <Code guid="{D2000000-0000-4000-8000-000000000001}" name="Contestation" isCodable="false" color="#D55E00">
      <Description>How the norm is contested</Description>
      <Code guid="{D2000000-0000-4000-8000-000000000002}" name="Double standards" isCodable="true"/>
      <Code guid="d2000000-0000-4000-8000-000000000003" name="Sovereignty" isCodable="true" color="0072B2"/>
    </Code>
    <Code guid="D2000000-0000-4000-8000-000000000004" name="Наблюдение" isCodable="true"/>
  </Codes>
  <Sets>
    <Set guid="D2000000-0000-4000-8000-000000000010" name="Contestation frames">
      <MemberCode guid="D2000000-0000-4000-8000-000000000002"/>
      <MemberCode guid="D2000000-0000-4000-8000-000000000003"/>
    </Set>
  </Sets>
</CodeBook>
`;
}

const MINIMAL = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Bad input">
  <Sources>
    <TextSource guid="${g(1, 'B2')}" name="Report.txt" plainTextPath="internal://${g(1, 'B2')}.txt"/>
  </Sources>
</Project>
`;

/** A ZIP whose entry declares `declared` bytes uncompressed but inflates to much more. */
function lyingZip(): Uint8Array {
  const body = 'Observers were told to stand back. '.repeat(150_000);
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Bomb"><Description>${body}</Description></Project>\n`;
  const bytes = zip({ 'project.qde': xml });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = 1000;
  // Local header: uncompressed size at +22; central directory entry: at +24.
  view.setUint32(22, declared, true);
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      const central = view.getUint32(i + 16, true);
      view.setUint32(central + 24, declared, true);
      break;
    }
  }
  return bytes;
}

function main(): void {
  fs.mkdirSync(dir, { recursive: true });
  if (fs.existsSync(shared)) {
    for (const [from, to] of [
      ['Project.xsd', 'Project.xsd'],
      ['Codebook.xsd', 'Codebook.xsd'],
      ['samples/atlasti-standard-project.qdpx', 'atlasti-standard-project.qdpx'],
    ] as const) {
      write(to, fs.readFileSync(path.join(shared, from)));
    }
  } else {
    console.log(`  (${shared} not found: the committed copies of the schemas and the ATLAS.ti sample are kept)`);
  }
  write('forgiving.qdpx', forgiving());
  write('codebook-foreign.qdc', codebook());
  write('bad-no-project.qdpx', zip({ 'README.txt': 'Not a REFI-QDA project.', [`Sources/${g(1, 'B2')}.txt`]: 'text' }));
  write('bad-not-well-formed.qdpx', zip({ 'project.qde': MINIMAL.replace('</Sources>', '</Source>') }));
  write('bad-bomb-ratio.qdpx', zip({ 'project.qde': MINIMAL, [`Sources/${g(1, 'B2')}.txt`]: new Uint8Array(8 * 1024 * 1024) }));
  write('bad-bomb-lying.qdpx', lyingZip());
  write('bad-escape-entry.qdpx', zip({ 'project.qde': MINIMAL, '../../escaped.txt': 'outside', [`Sources/${g(1, 'B2')}.txt`]: 'Report text.' }));
  write('bad-escape-path.qdpx', zip({ 'project.qde': MINIMAL.replace(`internal://${g(1, 'B2')}.txt`, 'internal://../../../etc/passwd') }));
  write('bad-huge-source.qdpx', zip({ 'project.qde': MINIMAL, [`Sources/${g(1, 'B2')}.txt`]: 'A very long observer report. '.repeat(10_000) }));
  write('bad-doctype.qdpx', zip({ 'project.qde': MINIMAL.replace('<Project', '<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa">]>\n<Project') }));
}

main();
