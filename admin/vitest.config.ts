import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// The admin's component tests: the app's own Vite setup (root admin/, the @app/* aliases, oxc's JSX)
// plus a DOM. `*.test.tsx` only: jest's unit project runs the pure helpers' `*.spec.ts`.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['src/**/*.test.tsx'],
      // jsdom rather than happy-dom: MUI's inputs, dialogs and focus handling are exercised against it upstream
      environment: 'jsdom',
      setupFiles: ['src/testing/setup.ts'],
      // each test's stubbed fetch and spies end with it
      unstubGlobals: true,
      restoreMocks: true,
      // a dialog re-renders on every keystroke; on a loaded 2-core CI machine that takes seconds, not milliseconds
      testTimeout: 30_000,
    },
  }),
);
