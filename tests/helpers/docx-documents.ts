/**
 * Export documents made by hand for the DOCX writer's tests: one that holds every kind of block and run the writer
 * knows (so that a difference from the `docx` package's output anywhere shows), and a large matrix-like one for the
 * writer's cost.
 */
import type { ExportDocument, Block, CellModel, EvidenceItem, RowModel } from '../../electron/core/export/model';
import { paletteMark } from '../../electron/core/export/model';
import type { Cite } from '../../electron/core/export/inline';

const style = { name: 'chicago-note', title: 'Chicago', xml: '', note: true, initialises: false, defaultLocale: null, hasBibliography: true };

function base(sections: ExportDocument['sections'], language: ExportDocument['language'] = 'en'): ExportDocument {
  return {
    kind: 'matrix',
    title: 'Everything & "all" <kinds>',
    subject: 'A test of the DOCX writer',
    author: 'Researcher',
    runningHead: 'Comparanda · officials/commentators/observers in Kazakhstan and Belarus',
    language,
    sections,
    style,
    citedSources: [],
    tables: [],
    sheets: [],
    references: [],
  };
}

const cite = (id: string, noteNumber: number | null, text: string): Cite => ({ id, noteNumber, runs: [{ text }, { text: ' Report', italic: true }] });

/** Every block type, run format and table feature, in three sections (one ending with a table, one empty). */
export function everyBlockDocument(language: ExportDocument['language'] = 'en'): ExportDocument {
  const ok = paletteMark('met', 'Met', 2);
  const none = paletteMark('no-data', 'No data', 0, true);
  const items: EvidenceItem[] = [
    { textKind: 'quote', text: '  Выборы прошли «свободно» & честно. ', language: 'ru', translation: 'The elections were "free" & fair.', translationLanguage: 'en', attribution: 'CEC member 1 (interviewee, pseudonym)', locator: 'p. 4', cite: cite('c1', 1, 'OSCE/ODIHR, Final Report, 12.') },
    { textKind: 'paraphrase', text: 'Сайлау әділ өтті', language: 'kk', translation: '', translationLanguage: '', attribution: '', locator: 'pp. 5–6', cite: null },
    { textKind: 'quote', text: "Observers' access was limited", language: 'en', translation: '', translationLanguage: '', attribution: 'A. Speaker', locator: '', cite: { id: 'c2', noteNumber: null, runs: [{ text: '(OSCE 2016, 3)' }] } },
    { textKind: 'quote', text: 'Nothing more', language: 'en', translation: '', translationLanguage: '', attribution: '', locator: '', cite: null },
  ];
  const cell = (content: CellModel['content'], extra: Partial<CellModel> = {}): CellModel => ({ content, ...extra });
  const rows: RowModel[] = [
    { group: 'Stage group: before the vote' },
    {
      cells: [
        cell([{ text: '1. Registration' }], { header: true }),
        cell([{ text: 'Plain, ' }, { text: 'bold', bold: true }, { text: ' italic', italic: true }, { text: 'sup', sup: true }, { text: 'sub', sub: true }, { text: ' Small Caps', smallCaps: true }, { br: true }, { text: 'after a break — «кавычки» & <tags>' }], { status: ok, meta: 'Discourse · 2012–2016 · medium confidence', cite: cite('c3', 2, 'Second note') }),
        cell([], { status: none }),
      ],
    },
    { cells: [cell([{ text: '2. Campaign' }], { header: true }), cell([{ text: '12' }], { align: 'right' }), cell([])], breakable: true },
    { group: 'Қазақстан: кейін' },
    { cells: [cell([{ text: '3. Count' }], { header: true }), cell([{ text: 'author-date' }, { cite: cite('c4', null, '(Smith 2020)') }]), cell([{ text: 'lettered' }, { cite: cite('c5', 3, 'A table note') }])] },
  ];
  const tableBlock: Block = {
    type: 'table',
    table: { number: 2, caption: 'Every feature: Kazakhstan and Belarus', columns: [{ label: 'Stage', width: 1 }, { label: 'Kazakhstan', note: 'focal case', width: 3 }, { label: 'Беларусь', width: 3 }], rows, part: { index: 1, count: 2 } },
  };
  const first: Block[] = [
    { type: 'title', text: 'A title with kk: Қазақстан', subtitle: 'and a subtitle' },
    { type: 'heading', level: 2, text: 'Heading two' },
    { type: 'heading', level: 3, text: 'Heading three' },
    { type: 'paragraph', content: [{ text: 'A paragraph with a note' }, { cite: cite('c6', 4, 'Fourth note') }, { text: ' and ctrl\u0001 chars' }] },
    { type: 'paragraph', content: [{ text: 'A small paragraph' }], small: true },
    { type: 'paragraph', content: [] },
    { type: 'status', status: ok, meta: 'medium confidence' },
    { type: 'status', status: none, meta: '' },
    { type: 'fields', items: [{ label: 'Case', value: 'Kazakhstan' }, { label: 'Период', value: '2012–2016' }] },
    { type: 'evidence', items },
    { type: 'evidence', items: [] },
    tableBlock,
  ];
  const second: Block[] = [
    { type: 'tableNotes', legend: [ok, none], paragraphs: [[{ text: 'Source: the project.' }], [{ text: 'Note ' }, { cite: cite('c5', 3, 'A table note') }]] },
    { type: 'notes', cites: [cite('c5', 3, 'A table note'), cite('c3', 2, 'Second note')] },
    { type: 'tableNotes', legend: [ok], legendLabel: 'Verdicts', paragraphs: [] },
    { type: 'evidence', items: items.slice(1, 3) },
    { type: 'bibliography', heading: 'Bibliography', entries: [[{ text: 'OSCE/ODIHR. ' }, { text: 'Final Report', italic: true }, { text: '. Warsaw, 2016.' }]] },
    { ...tableBlock, table: { ...tableBlock.table, number: 3, part: undefined, rows: rows.slice(1, 3) } },
  ];
  return base([{ orientation: 'landscape', blocks: first }, { orientation: 'portrait', blocks: second }, { orientation: 'portrait', blocks: [] }, { orientation: 'landscape', blocks: [first[3]!] }], language);
}

/** A matrix of `cases` columns and `stages` rows whose cells hold `words` words of text and a note each. */
export function largeMatrixDocument(cases: number, stages: number, words: number): ExportDocument {
  const vocabulary = ['election', 'observation', 'мониторинг', 'наблюдатели', 'сайлау', 'бақылаушылар', 'commission', 'transparency', 'registration', 'complaints'];
  const ok = paletteMark('met', 'Met', 2);
  let note = 0;
  const text = (seed: number) => Array.from({ length: words }, (_, i) => vocabulary[(seed * 7 + i * 3) % vocabulary.length]).join(' ');
  const rows: RowModel[] = Array.from({ length: stages }, (_, s) => ({
    cells: [
      { header: true, content: [{ text: `${s + 1}. Stage ${s + 1}` }] },
      ...Array.from({ length: cases }, (_, c): CellModel => ({ status: ok, meta: 'Discourse · 2012–2016', content: [{ text: text(s * cases + c) }], cite: cite(`n${++note}`, note, `Note ${note}, p. ${c}`) })),
    ],
  }));
  const columns = [{ label: 'Stage', width: 1 }, ...Array.from({ length: cases }, (_, c) => ({ label: `Case ${c + 1}`, width: 3 }))];
  return base([{ orientation: 'landscape', blocks: [{ type: 'table', table: { number: 1, caption: 'A large matrix', columns, rows } }] }]);
}
