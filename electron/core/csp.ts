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
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
});

export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');
