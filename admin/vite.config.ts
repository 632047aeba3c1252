import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Built from the repository root (`vite build --config admin/vite.config.ts`),
// so every path is anchored to this file rather than to the working directory.
const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

const apiProxy = {
  '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: true },
};

export default defineConfig({
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
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
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
