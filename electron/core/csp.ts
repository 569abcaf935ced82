/**
 * The Content-Security-Policy every page of the app is served with, by the Electron `app://` protocol and by the
 * loopback web transport alike, so both run the renderer under the same rules.
 *
 * Nothing remote, nothing inline except styles (React's `style` attribute needs it), no eval: a quote pasted from an
 * interview or a document's text can never turn into running code or a request to the outside.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  // data: for the export preview only: its HTML (shown in a sandboxed srcdoc frame, which inherits this policy)
  // carries the bundled serif as data: URLs, exactly as the PDF is printed from it. A font cannot run or fetch.
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
});

export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
