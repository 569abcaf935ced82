// Minimal typings for the parts of citeproc-js 2.4 (CommonJS build, no bundled types) that exports use.
declare module 'citeproc' {
  export interface CiteprocSys {
    retrieveLocale(lang: string): string;
    retrieveItem(id: string): unknown;
  }
  export interface CitationItem {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
  }
  export interface Citation {
    citationID: string;
    citationItems: CitationItem[];
    properties: { noteIndex: number };
  }
  export interface BibliographyMeta {
    hangingindent?: boolean | number;
    'second-field-align'?: false | 'flush' | 'margin';
    entry_ids: string[][];
    bibliography_errors: unknown[];
  }
  export class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    opt: { xclass: string };
    updateItems(ids: string[]): void;
    setOutputFormat(mode: string): void;
    /** [result report, [index in document order, formatted string][] for this and any earlier cluster that changed]. */
    processCitationCluster(citation: Citation, citationsPre: [string, number][], citationsPost: [string, number][], flag?: number): [unknown, [number, string, string?][]];
    rebuildProcessorState(citations: Citation[], mode?: string, uncitedItemIDs?: string[]): [string, number, string][];
    makeBibliography(): [BibliographyMeta, string[]] | false;
  }
  const CSL: { Engine: typeof Engine; ASSUME_ALL_ITEMS_REGISTERED: number };
  export default CSL;
}
