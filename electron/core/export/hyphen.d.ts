// The `hyphen` package ships no types; these are the two pattern modules hyphenate.ts uses.
declare module 'hyphen/en-us' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] }): string;
}
declare module 'hyphen/ru' {
  export function hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] }): string;
}
