/**
 * Finds English left on a screen shown in Russian or Kazakh: the visible text of a region (text nodes, the options
 * of its selects, and the aria-label, title and placeholder it gives assistive technology) compared with the English
 * catalogue. A message counts when its English differs from the language's own: a text node that is exactly a
 * message without arguments, or that contains a literal stretch of several words of a message with arguments.
 * Data the project holds (the sample's English statements) cannot match by accident: it is never a whole message.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Locator } from '@playwright/test';
import { catalogue, messageIds, type MessageId } from '../../electron/contract/i18n/catalogue';
import type { Language } from '../../electron/contract/i18n/languages';

/** The literal text of a message, in stretches between its arguments (plural and select branches included). */
function stretches(elements: MessageFormatElement[], out: string[] = [], current: { text: string } = { text: '' }): string[] {
  const flush = () => {
    if (current.text.trim() !== '') out.push(current.text.trim());
    current.text = '';
  };
  for (const element of elements) {
    if (element.type === TYPE.literal) current.text += element.value;
    else if (element.type === TYPE.plural || element.type === TYPE.select) {
      flush();
      for (const option of Object.values(element.options)) stretches(option.value, out, { text: '' });
    } else if (element.type === TYPE.tag) {
      flush();
      stretches(element.children, out, { text: '' });
    } else flush();
  }
  flush();
  return out;
}

export interface Leftover {
  id: MessageId;
  english: string;
  seen: string;
}

/**
 * The English messages of `areas` (id prefixes such as "observation.") found in `texts`. A message with arguments is
 * matched by its literal stretches of at least three words (shorter ones — "of", ", round" — are ordinary data).
 */
export function englishLeftovers(texts: readonly string[], language: Language, areas: readonly string[]): Leftover[] {
  const english = catalogue('en');
  const own = catalogue(language);
  const whole = new Map<string, MessageId>();
  const parts: { id: MessageId; stretch: string }[] = [];
  for (const id of messageIds()) {
    if (!areas.some((area) => id.startsWith(area)) || english[id] === own[id]) continue;
    const elements = parse(english[id], { ignoreTag: false });
    if (elements.every((e) => e.type === TYPE.literal)) {
      // A single word that the translation keeps (a name) is not a leftover; everything else is.
      if (/[A-Za-z]{2,}/.test(english[id])) whole.set(english[id].trim(), id);
    } else {
      for (const stretch of stretches(elements)) if (stretch.split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w)).length >= 3) parts.push({ id, stretch });
    }
  }
  const found: Leftover[] = [];
  for (const text of texts) {
    const wholeId = whole.get(text);
    if (wholeId) found.push({ id: wholeId, english: english[wholeId], seen: text });
    for (const { id, stretch } of parts) if (text.includes(stretch)) found.push({ id, english: english[id], seen: text });
  }
  return found;
}

/** The little of the DOM the page-side walk uses (the tests compile without the DOM library). */
interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  tagName?: string;
  getAttribute?(name: string): string | null;
  closest?(selector: string): DomNode | null;
  checkVisibility?(options: { visibilityProperty: boolean }): boolean;
  matches?(selector: string): boolean;
}

/**
 * What a region shows and says inside it: visible text nodes, select options, aria-labels, titles and placeholders,
 * trimmed. The region's own label is its container's, not its content's. `ignore` is a selector for elements that
 * show the project's data (which may well be English words), left out with everything inside them.
 */
export async function shownTexts(region: Locator, ignore?: string): Promise<string[]> {
  return region.evaluate((element, skip) => {
    const texts: string[] = [];
    const root = element as unknown as DomNode;
    const walk = (node: DomNode, shown: boolean) => {
      if (node.nodeType === 3) {
        if (shown) texts.push(node.textContent ?? '');
        return;
      }
      if (node.nodeType !== 1 || (skip && node.matches!(skip))) return;
      // Options of a select are "not visible" to the browser, yet the user reads them when the list opens.
      const inList = node.tagName === 'OPTION' || node.tagName === 'SELECT' || node.tagName === 'DATALIST';
      const visible = shown && (inList || node.checkVisibility!({ visibilityProperty: true }));
      if (node !== root) for (const attribute of ['aria-label', 'title', 'placeholder']) texts.push(node.getAttribute!(attribute) ?? '');
      if (node.tagName === 'OPTION' && node.closest!('datalist')) texts.push(node.getAttribute!('value') ?? '');
      for (const child of Array.from(node.childNodes)) walk(child, visible);
    };
    walk(root, true);
    return texts.map((t) => t.trim()).filter((t) => t !== '');
  }, ignore);
}
