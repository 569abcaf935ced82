// Minimal typings for the parts of citation-js 0.8 used by bibliography.ts (the packages ship no types).
declare module '@citation-js/core' {
  export interface CiteOptions {
    forceType?: string;
    generateGraph?: boolean;
  }
  export class Cite {
    constructor(data: unknown, options?: CiteOptions);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: { get(ref: string): unknown };
    list(): string[];
  };
  export const logger: { level: string };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
