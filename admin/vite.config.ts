import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './precompress.ts';

// Built from the repository root (`vite build --config admin/vite.config.ts`),
// so every path is anchored to this file rather than to the working directory.
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const apiProxy = {
  '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: true },
};

// The libraries in chunks of their own: cached across releases of the app's own code, and fetched in parallel.
// recharts is left to the default split: only the lazy dashboard and reports reach it, so it loads with them.
const vendorChunks = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
  { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis)[\\/]/ },
  {
    name: 'react-admin',
    test: /node_modules[\\/](react-admin|ra-[a-z-]+|react-hook-form|@tanstack|lodash|inflection)[\\/]/,
  },
];

/** `.br` and `.gz` beside each built file, served by the API to browsers that accept them (app.factory.ts). */
const precompressPlugin = (): Plugin => ({
  name: 'exitpool-precompress',
  apply: 'build',
  async closeBundle() {
    await precompress(here('dist'));
  },
});

export default defineConfig({
  plugins: [precompressPlugin()],
  root: here('.'),
  base: '/',
  // vite 8 transforms TSX with oxc itself; no React plugin needed.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    // the pure libs/ packages, as the API imports them
    alias: [{ find: /^@app\/([a-z-]+)$/, replacement: here('../libs/$1/src/index.ts') }],
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorChunks } },
      onwarn(warning, warn) {
        // MUI marks its modules "use client" for React Server Components; meaningless in this SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
