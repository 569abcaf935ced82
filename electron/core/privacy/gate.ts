/**
 * The one egress gate. Every byte that leaves a project — an export file, a data or bibliography file, the audit
 * trail, a REFI-QDA archive, an answer the UI offers as a download or copies to the clipboard, an error message, a
 * log line — is either checked here (and refused if it holds a recorded identity) or redacted here (identities
 * replaced by the participant's pseudonym). Refusals name where the identity is, in the output and in the project,
 * and never the identity itself.
 *
 * Each output path declares itself in `privacy/outputs.ts`; a test calls every one of them with identities planted
 * through every input, and uses `traceGate` to prove the call went through here.
 */
import type Database from 'better-sqlite3';
import type { CatalogueText, ErrorPayload, TextValue } from '../../contract/errors';
import type { MessageId } from '../../contract/i18n/catalogue';
import { formatText, localError, textOf } from '../../contract/i18n/format';
import { identityText, recordedIdentities, redactDeep, redactWith, type Identity } from './identities';
import { locateInProjectText } from './locate';
import { Haystack, lineAndColumn, type Occurrence } from './match';

export { redactWith };

/** One piece of an output: the text a reader of it can see, and where it is (a page, a sheet, a file). */
export interface OutputPart {
  text: string;
  /** "page 3", "word/document.xml", "appendix.bib"; omitted for a single text, whose lines are counted instead. */
  label?: string | undefined;
}

export interface GateEvent {
  /** The output, as messages name it: "audit-trail CSV", "PDF". */
  what: string;
  action: 'checked' | 'refused' | 'redacted';
}

const tracers = new Set<(event: GateEvent) => void>();

/** Lets a test watch the gate: every check and redaction is reported to `fn` until the returned function is called. */
export function traceGate(fn: (event: GateEvent) => void): () => void {
  tracers.add(fn);
  return () => tracers.delete(fn);
}

function emit(event: GateEvent): void {
  for (const fn of tracers) fn(event);
}

interface Hit {
  identity: Identity;
  part: OutputPart;
  at: Occurrence;
}

function findHits(identities: readonly Identity[], parts: readonly OutputPart[]): Hit[] {
  const hits: Hit[] = [];
  for (const part of parts) {
    if (!part.text) continue;
    const hay = new Haystack(part.text);
    for (const identity of identities) {
      if (hits.some((h) => h.identity.participantId === identity.participantId && h.identity.kind === identity.kind)) continue;
      const [at] = hay.find(identity.needle, 1);
      if (at) hits.push({ identity, part, at });
    }
  }
  return hits;
}

/** The labels callers give their parts, in words of the catalogue; any other label is a file name, shown as it is. */
function labelText(label: string): string | CatalogueText {
  const page = /^page (\d+)$/.exec(label);
  if (page) return textOf('errorsPrivacy.page', { number: page[1]! });
  if (label === 'document properties') return textOf('errorsPrivacy.documentProperties');
  if (label === 'the file') return textOf('errorsPrivacy.theFile');
  if (label === 'codebook') return textOf('errorsPrivacy.what', { what: 'codebook' });
  return label;
}

function whereInOutput(hit: Hit, single: boolean): string | CatalogueText {
  if (hit.part.label && !single) return labelText(hit.part.label);
  const { line, column } = lineAndColumn(hit.part.text, hit.at.start);
  // As strings: a number would be grouped ("1,234") like an amount.
  const at = { line: String(line), from: String(column), to: String(column + (hit.at.end - hit.at.start) - 1) };
  return hit.part.label ? textOf('errorsPrivacy.labelAt', { label: labelText(hit.part.label), ...at }) : textOf('errorsPrivacy.at', at);
}

/** The outputs callers name, as the catalogue's `errorsPrivacy.what` names them. */
const WHAT: Record<string, string> = {
  matrix: 'matrix',
  'data CSV': 'dataCsv',
  'QCA result': 'qcaResult',
  PDF: 'pdf',
  'Word document': 'word',
  workbook: 'workbook',
  'LaTeX files': 'latex',
  'CSV file': 'csvFile',
  'Markdown file': 'markdown',
  'original document': 'originalDocument',
  'REFI-QDA project': 'refiQda',
  codebook: 'codebook',
  bibliography: 'bibliography',
  'audit-trail CSV': 'auditCsv',
  export: 'export',
};

const DEFAULT_ADVICE = textOf('errorsPrivacy.adviceDefault');

/** Advice callers give in English, by the catalogue entry that says it in every language. */
const ADVICE: Record<string, MessageId> = {
  [formatText('en', textOf('errorsPrivacy.adviceOriginal'))]: 'errorsPrivacy.adviceOriginal',
};

/**
 * Checks an output before a byte of it is written or handed over: refuses with IDENTITY_IN_OUTPUT if it holds an
 * identity recorded in the project, saying where it is in the output and where in the project it comes from.
 */
export function guardOutput(
  db: Database.Database,
  what: string,
  parts: readonly (OutputPart | string)[],
  options: {
    /** Read earlier, where the output is made from the project as it was when asked for. */
    identities?: readonly Identity[] | undefined;
    /** What to do about it, where the usual advice does not fit. */
    advice?: string | undefined;
  } = {},
): void {
  const identities = options.identities ?? recordedIdentities(db);
  const normalised = parts.map((p) => (typeof p === 'string' ? { text: p } : p));
  const hits = identities.length === 0 ? [] : findHits(identities, normalised);
  if (hits.length === 0) {
    emit({ what, action: 'checked' });
    return;
  }
  emit({ what, action: 'refused' });
  const single = normalised.length === 1;
  const found = hits.slice(0, 3).map((hit) => {
    let places: CatalogueText[] = [];
    try {
      places = locateInProjectText(db, hit.identity, identities, 4);
    } catch {
      // The project was closed meanwhile: the refusal stands, without saying where in it.
    }
    return textOf('errorsPrivacy.found', {
      identity: identityText(hit.identity),
      where: whereInOutput(hit, single),
      places: places.length > 0 ? textOf('errorsPrivacy.recordedIn', { places }) : '',
    });
  });
  const advice = options.advice === undefined ? DEFAULT_ADVICE : ADVICE[options.advice] ? textOf(ADVICE[options.advice]!) : options.advice;
  throw localError('IDENTITY_IN_OUTPUT', 'errorsPrivacy.refused', {
    what: WHAT[what] ? textOf('errorsPrivacy.what', { what: WHAT[what] }) : what,
    found,
    more: Math.max(0, hits.length - 3),
    advice,
  });
}

/**
 * An output shown rather than published (search results on the command line): every string in it, at any depth,
 * with identities replaced by pseudonyms. Done on the value, before it is marked up or serialised, where the
 * markup could split a name.
 */
export function redactOutput<T>(db: Database.Database, what: string, value: T): T {
  emit({ what, action: 'redacted' });
  return redactDeep(recordedIdentities(db), value);
}

// ---------------------------------------------------------------------------------------------------------------
// Messages and logs: they may quote what the researcher typed, and they go to a screen, a terminal or a log file.

type IdentitySource = () => Identity[];
const sources = new Map<object, IdentitySource>();
const retained: Identity[] = [];
let retainAfterClose = false;

/** An open project's identities are redacted from every message and log line while it is open. */
export function registerIdentitySource(owner: object, source: IdentitySource): void {
  sources.set(owner, source);
}

export function unregisterIdentitySource(owner: object): void {
  const source = sources.get(owner);
  sources.delete(owner);
  // A command-line run prints its error after the project has closed: it keeps the identities in memory till then.
  if (retainAfterClose && source) {
    try {
      retained.push(...source());
    } catch {
      // Nothing to keep from a project that could not be read.
    }
  }
}

/** For the command line: messages printed after a project closed are still redacted. */
export function retainIdentitiesAfterClose(): void {
  retainAfterClose = true;
}

/** Every identity of every open project (and, on the command line, of projects this run opened). */
function knownIdentities(): Identity[] {
  const all: Identity[] = [...retained];
  for (const source of sources.values()) {
    try {
      all.push(...source());
    } catch {
      // A project closing at this moment has nothing more to redact.
    }
  }
  return all.sort((a, b) => b.needle.spaced.length - a.needle.spaced.length);
}

/** A message or log line with every known identity replaced by its pseudonym. */
export function redactMessage(text: string): string {
  const identities = knownIdentities();
  if (identities.length === 0) return text;
  emit({ what: 'message', action: 'redacted' });
  return redactWith(identities, text);
}

/** A catalogue text with every string argument redacted, at any depth (a message may be an argument of another). */
export function redactText(text: CatalogueText): CatalogueText {
  if (!text.values) return { id: text.id };
  const redact = (value: TextValue): TextValue => {
    if (typeof value === 'string') return redactMessage(value);
    if (typeof value === 'number') return value;
    if (Array.isArray(value)) return (value as readonly CatalogueText[]).map(redactText);
    if ('lines' in value) return { lines: value.lines.map((line) => (typeof line === 'string' ? redactMessage(line) : redactText(line))) };
    return redactText(value as CatalogueText);
  };
  return { id: text.id, values: Object.fromEntries(Object.entries(text.values).map(([key, value]) => [key, redact(value)])) };
}

/** The sentence and every argument it was made from: any may quote a name. */
export function redactPayload(payload: ErrorPayload): ErrorPayload {
  const text = payload.text;
  return { code: payload.code, message: redactMessage(payload.message), ...(text ? { text: redactText(text) } : {}) };
}
