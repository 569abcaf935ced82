/**
 * The sentences of a REFI-QDA import report that the fixtures do not produce (a damaged Comparanda note, a GUID-less
 * element, a date that does not exist, a memo whose target is gone…): their English is the sentence the import wrote
 * before it spoke other languages (the `--json` report keeps it), and their Russian and Kazakh leave no English word
 * around the values.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogueText } from '../../electron/contract/errors';
import { dateProblemText } from '../../electron/contract/dates';
import { formatText } from '../../electron/contract/i18n/format';
import { said } from '../../electron/core/exchange/importing/helpers';
import { withoutAllowedLatin } from '../helpers/latin-allowed';

const selection = (named: boolean, form: 'start' | 'of') =>
  said('selection', { form, named: named ? 'yes' : 'no', name: named ? 'Quote one' : '', where: said('where', { at: 'page', page: '4' }) });
const dateProblem = (value: string) => (dateProblemText(value)?.values?.problem as CatalogueText | undefined) ?? said('notADate', { value });

/** Each sentence and what the import wrote before, word for word. */
const CASES: [CatalogueText, string][] = [
  [said('codeTwice', { code: 'Access' }), 'The code “Access” appears twice in the codebook; the second was skipped.'],
  [
    said('setWithout', { set: 'All', single: 'no', parts: said('and', { first: said('setPart', { what: 'code', count: 1 }), second: said('and', { first: said('setPart', { what: 'source', count: 2 }), second: said('setPart', { what: 'note', count: 3 }) }) }) }),
    'Set “All” is kept without its 1 code and 2 sources and 3 notes that were not imported.',
  ],
  [said('sourceCodedWhole', { source: 'Memo.txt', count: 1 }), 'Source “Memo.txt” is coded as a whole with 1 code; Comparanda codes excerpts, so those codings were skipped.'],
  [said('sourceValues', { source: 'Memo.txt', count: 2 }), 'Source “Memo.txt” has 2 variable values; Comparanda has attributes for cases only, so they were skipped.'],
  [said('selectionTwice', { named: 'yes', name: 'Quote one', guid: 'x', where: '', source: 'Memo.txt' }), 'A second selection with the GUID of “Quote one” in “Memo.txt” was skipped.'],
  [said('selectionNoText', { named: 'yes', name: 'Quote one', where: '', source: 'Memo.txt' }), 'Selection “Quote one” in “Memo.txt” skipped: it selects no text.'],
  [
    said('pdfAreaUnusable', { selection: selection(false, 'start'), source: 'Report.pdf', codings: 2 }),
    'The selection on page 4 in “Report.pdf” skipped: it marks an area of a PDF page without text and without a usable page and corners (2 codings skipped with it).',
  ],
  [said('pdfAreaUnusable', { selection: selection(true, 'start'), source: 'Report.pdf', codings: 0 }), 'Selection “Quote one” in “Report.pdf” skipped: it marks an area of a PDF page without text and without a usable page and corners.'],
  [
    said('selectionNoCase', { selection: selection(true, 'start') }),
    'Selection “Quote one” is coded for a norm stage but belongs to no case of the file (no Case names it or its source), so it is not linked to a cell.',
  ],
  [said('selectionNormCoded', { selection: selection(false, 'start') }), 'The selection on page 4 is coded with a norm rather than one of its stages; that coding was skipped.'],
  [said('selectionUnknownCode', { selection: selection(true, 'of'), code: 'c1' }), 'A coding of selection “Quote one” refers to a code that is not in the codebook (c1); it was skipped.'],
  [
    said('sourceExtracted', { source: 'Report.pdf', lost: said('lostSelections', { count: 1, codings: 1 }) }),
    'Source “Report.pdf”: its text was extracted from its file, so the positions of its selections do not apply, and its 1 text selection (with 1 coding) is skipped.',
  ],
  [
    said('sourceMissing', { source: 'Report.pdf', missing: [said('noPdf'), said('missingText', { pdf: 'yes', path: 'file:///r.txt', external: 'yes' })], kept: 'extracted', lost: '' }),
    'Source “Report.pdf”: it names no PDF file; its text (file:///r.txt) is outside the archive and was not read; the document is kept with the text extracted from its file.',
  ],
  [
    said('sourceMissing', { source: 'Notes', missing: [said('noText'), said('unreadable', { format: 'DOCX', reason: 'bad zip' })], kept: 'document', lost: '' }),
    'Source “Notes”: it has neither a text file nor text of its own; its DOCX file cannot be read (bad zip); the document is kept.',
  ],
  [said('noteFileMissing', { note: 'Memo', path: 'internal://m.txt' }), 'Note “Memo”: its file internal://m.txt is missing from the archive; only its name and description are kept.'],
  [said('ourNoteDamaged', { note: 'project', kind: 'project', error: 'Unexpected end of JSON input' }), 'Comparanda note “project” (project) is damaged and was not restored: Unexpected end of JSON input.'],
  [
    said('ourNoteNewer', { note: 'project', version: 'comparanda:project v9' }),
    'Comparanda note “project” was written by a newer Comparanda (comparanda:project v9) and was not restored. Update Comparanda and import again.',
  ],
  [said('ourNoteUnknown', { note: 'x', kind: 'widget' }), 'Comparanda note “x” is of a kind this version does not know (widget) and was not restored.'],
  [
    said('dateFixed', { problem: dateProblem('2015-02-30'), table: 'claims', name: 'Statement', column: 'date', keeps: 'yes', kept: '2015-02' }),
    '"2015-02-30" is not a date: February 2015 has 28 days (claim “Statement”, date); kept “2015-02”.',
  ],
  [said('dateFixed', { problem: dateProblem('soon'), table: 'participants', name: 'R1', column: 'interview_date', keeps: 'no', kept: '' }), '"soon" is not a date (participant “R1”, interview_date); the date was left empty.'],
  [said('normNoFramework', { norm: 'Free elections' }), 'Norm “Free elections” refers to a framework that is not in the file; it was not restored.'],
  [
    said('ourCodeInCodebook', { code: 'Stage 1', marker: 'stage' }),
    "The code “Stage 1” is a stage of another Comparanda project's matrix; norms are made in the matrix, not from a codebook, so it was skipped.",
  ],
  [said('assessmentOrphan'), 'A cell assessment refers to a case, norm or stage that is not in the file; it was not restored.'],
  [said('recordRowsDropped', { count: 1 }), '1 row of the observation record or regional context referred to something not in the file and were skipped.'],
  [said('valueNoVariable', { case: 'Belarus' }), 'A value of case “Belarus” refers to a variable that is not in the file; it was skipped.'],
  [said('caseCoded', { case: 'Belarus', count: 3 }), 'Case “Belarus” is coded with 3 codes; Comparanda does not code cases, so those codings were skipped.'],
  [said('memoOrphan', { memo: 'On the count', type: 'cell' }), 'Memo “On the count” belongs to a cell that is not in the file; it was not imported.'],
  [said('noteEmpty', { note: 'n1' }), 'Note “n1” is empty; it was skipped.'],
  [
    said('linkLost', { named: 'no', link: '', origin: said('item', { kind: 'code', name: 'Access' }), target: said('item', { kind: 'missing', name: 'g1' }), why: 'origin' }),
    'A link from the code “Access” to an item (g1) that is not in the file was not kept: its origin was not imported.',
  ],
  [said('badGuid', { what: 'audio', named: 'yes', name: 'Talk', invalid: 'yes', raw: '{zz}' }), 'An audio source "Talk" has an invalid GUID ({zz}) and was skipped.'],
  [said('badGuid', { what: 'variable', named: 'no', name: '', invalid: 'no', raw: '' }), 'A variable has no GUID and was skipped.'],
  [said('unitUtf16', { known: 'yes', producer: 'NVivo', both: 'yes' }), 'Text positions were read in UTF-16 code units, as NVivo writes them; the selections fit both readings equally.'],
  [said('codeKeepsName', { code: 'Access' }), 'The code “Access” keeps its name in the project: another code already has that name at that place.'],
  [said('frameworkMatched', { framework: 'Diffusion' }), "The framework “Diffusion” matched the project's framework of the same name and stages."],
  [said('normKeepsFramework', { norm: 'Free elections' }), "Norm “Free elections” keeps the project's framework; the file's framework for it differs."],
  [said('normCodeOrdinary', { code: 'N1' }), 'The code “N1” is a Comparanda norm code, but its norm is not in this project; it is imported as an ordinary code.'],
  [said('stageCodeOrdinary', { code: 'S1' }), 'The code “S1” is a Comparanda stage code, but its stage is not in this project; it is imported as an ordinary code.'],
  [said('participantMatched', { pseudonym: 'R1' }), "The participant “R1” was matched with the project's participant of the same pseudonym."],
  [said('textNotUtf8', { source: 'Memo.txt' }), 'The text of “Memo.txt” is not valid UTF-8; characters that could not be read were replaced.'],
  [said('codesRecognised', { count: 1 }), "1 code of the codebook is this project's norms and stages; they were recognised, not imported as codes."],
  [said('variableMatched', { variable: 'Region', attribute: 'region' }), "The variable “Region” was matched with the project's attribute “region”."],
  [said('caseNotFocal', { case: 'Belarus' }), 'The case “Belarus” was the focal case in the file; it is a comparison case here because the project already has a focal case.'],
  [said('graphs', { count: 1234 }), '1234 graphs skipped: Comparanda has no network diagrams.'],
];

/** The values' own words: names, paths and technical ids stay as the file gives them. */
const DATA = /Access|All|Memo\.txt|Memo|Quote one|Report\.pdf|Notes|file:\/\/\/r\.txt|internal:\/\/m\.txt|bad zip|Unexpected end of JSON input|project|widget|comparanda:project v9|Statement|soon|interview_date|Free elections|Stage 1|Belarus|On the count|n1|g1|c1|Talk|\{zz\}|NVivo|Diffusion|N1|S1|R1|Region|region|date/g;

describe('the import report’s sentences the fixtures do not make', () => {
  it('say in English what the import always said', () => {
    for (const [text, english] of CASES) expect(formatText('en', text)).toBe(english);
  });

  it('leave no English word in Russian or Kazakh', () => {
    for (const language of ['ru', 'kk'] as const) {
      for (const [text] of CASES) {
        const shown = formatText(language, text);
        expect(withoutAllowedLatin(shown.replace(DATA, ' ')).match(/[A-Za-z]{2,}/g) ?? [], shown).toEqual([]);
      }
    }
  });

  it('write counts in each language’s own digits', () => {
    expect(formatText('ru', said('graphs', { count: 1234 }))).toBe('Пропущено 1\u00a0234 графа: в Comparanda нет сетевых диаграмм.');
  });
});
