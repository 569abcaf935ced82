import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Vite's config loader defines __dirname as this file's folder. (No node:path import: the lint rule for renderer/**
// forbids Node modules, and this file lives there; Vite resolves the relative outDir against root.)
const rendererRoot = __dirname;

/**
 * The dev server injects an inline React Refresh preamble and talks to its own websocket, both of which the
 * production CSP in index.html forbids. Only `vite serve` drops the meta tag; builds keep it untouched.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'comparanda:relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i, '');
    },
  };
}

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: Electron loads the page from a file, the web transport serves it at its own origin.
  base: './',
  plugins: [react(), relaxCspForDevServer()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome142',
    // Inlined data: fonts would bypass font-src 'self'; keep every asset a file.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    host: '127.0.0.1',
    // `COMPARANDA_API=http://127.0.0.1:PORT npx vite --config renderer/vite.config.mts` forwards calls to a
    // running web transport; the token still comes from `?token=` in the address.
    proxy: process.env.COMPARANDA_API ? { '/api': { target: process.env.COMPARANDA_API, changeOrigin: false } } : undefined,
  },
});
