/**
 * The one list of what stays in Latin letters in Russian and Kazakh: names and format words, not interface words.
 * The catalogue test (tests/unit/i18n-catalogue.test.ts) holds every ru/kk message to it, and the walk over every
 * screen (tests/helpers/i18n-text.ts) lets the same through on screen — what one accepts the other must accept.
 */

/** Names, products, formats, citation styles and journals; the datasets the indicators come from. */
const NAMES = [
  'Comparanda', 'SQLite', 'PostgreSQL', 'OSCE', 'ODIHR', 'SCO', 'REFI-QDA', 'QDPX', 'NVivo', 'MAXQDA', 'ATLAS.ti',
  'QualCoder', 'Zotero', 'Word', 'Excel', 'LibreOffice', 'Markdown', 'README', 'QCA',
  // Formats and codes.
  'CSV', 'PDF', 'DOCX', 'XLSX', 'HTML', 'JPEG', 'PNG', 'TIFF', 'RIS', 'JSON', 'CSL-JSON', 'CSL', 'LaTeX', 'BibTeX',
  'BibLaTeX', 'biblatex', 'UTF-8', 'UTF-16', 'GUID', 'ISO', 'URL', 'OK', 'Letter', 'A4', 'ZIP', 'ZIP64',
  // Citation styles and the journals whose romanisation rules the export follows.
  'Chicago', 'APA', 'Harvard', 'Cite Them Right', 'ALA-LC', 'Europe-Asia Studies', 'Post-Soviet Affairs',
  // QCA's measures, as fsQCA and the R package print them.
  'PRI', 'inclS', 'inclN', 'covS', 'covU', 'covN', 'RoN', 'DEV', 'R',
  // Indicator datasets.
  'Freedom House', 'V-Dem', 'Polity',
  // The search operator, typed as it is in every language.
  'OR',
];

/** The keys printed on keyboards, in Latin letters on Russian and Kazakh ones too. */
const KEYS = [
  'Ctrl', 'Cmd', 'Shift', 'Alt', 'Option', 'Esc', 'Enter', 'Tab', 'Home', 'End', 'PgUp', 'PgDn', 'Space', 'Del',
  'Delete', 'Backspace', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12',
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const TERMS = [...NAMES, ...KEYS].sort((a, b) => b.length - a.length).map(escapeRegExp);

/**
 * What passes, as one pattern (global: use it with `replace`): the terms above as whole words; a file extension
 * (.comparanda, .qdpx, .qdc, .bib, .json, .tex); a LaTeX command (\\input); an ISO 3166 alpha-3 country code (KAZ, BLR), which fields show as
 * placeholders and the data uses as country keys.
 */
export const LATIN_ALLOWED = new RegExp(
  `(?<![A-Za-z])(?:${TERMS.join('|')})(?![A-Za-z])|(?<![A-Za-z])\\.(?:comparanda|qdpx|qdc|bib|json|tex|csv|ris|docx|pdf)\\b|(?<![A-Za-z])-?body\\.tex\\b|\\\\[A-Za-z]+|\\b[A-Z]{3}\\b`,
  'g',
);

/** The text with what stays Latin blanked out, so that any Latin word left in it is English to look at. */
export function withoutAllowedLatin(text: string): string {
  return text.replace(LATIN_ALLOWED, ' ');
}
