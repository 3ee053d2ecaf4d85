import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vite';

/**
 * The web app. No React plugin: Vite 8 compiles TSX with Oxc's automatic JSX runtime. The built
 * files (apps/web/dist) are served by the API itself (apps/api configureApp), so production needs
 * no second server; `npm start` builds them when missing or stale (scripts/build-web.ts).
 *
 * Development with live reload: `npm start` in one shell, `npx vite --config apps/web/vite.config.mjs`
 * in another; the dev server forwards every non-asset path (the API, /ws) to :3000.
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.OVERLEG_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root,
  // Absolute asset paths: deep links such as /cases/<id> load the same index.html.
  base: '/',
  // @wc/texts is the one lib the web bundles (texts the server shows too); @wc/contracts is
  // imported for its types only and never reaches the bundle.
  resolve: {
    alias: { '@wc/texts': fileURLToPath(new URL('../../libs/texts/src', import.meta.url)) },
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
  server: {
    proxy: {
      '/ws': { target: api, ws: true },
      '^/(?!src/|@|node_modules/|index\\.html|$|ws).*': { target: api, changeOrigin: false },
    },
  },
});
