// Jest runs the TypeScript sources as native ES modules through SWC
// (NestJS 12 is ESM-only), hence --experimental-vm-modules in the npm scripts.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    '^@app/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
};

export default {
  // whole flows over HTTP on a loaded 2-core CI machine take seconds, not milliseconds
  testTimeout: 60_000,
  // two workers on the 2-core CI machine (Jest's default would be one): most of a test file's time is
  // spent waiting for PostgreSQL, the app it started or LibreOffice, so two files run side by side
  maxWorkers: 2,
  // npm run test:coverage: the unit, medium and e2e tiers in one run, so that a line counts as
  // covered by whichever tier reaches it. V8's own counters, not Babel instrumentation: SWC
  // compiles the sources and its inline source maps lead the counts back to the .ts lines.
  coverageProvider: 'v8',
  // V8 hands over the coverage of every script a worker has loaded after each test file: a worker
  // that has run dozens of app-loading files takes 15 s a file for it. A worker past this much
  // memory is replaced after its file, so that cost stays that of a fresh one.
  workerIdleMemoryLimit: '800MB',
  collectCoverageFrom: [
    'api/src/**/*.ts',
    'libs/*/src/**/*.ts',
    '!**/*.spec.ts',
    // the libraries' test builders (PNG, JPEG bytes) are test code, not the product
    '!libs/*/src/testing/**',
    // run once per test run, for the template database, and never downwards: their lines say nothing
    '!api/src/database/migrations/**',
    // entry points run only as separate processes of the build (dist/), out of Jest's reach;
    // what they do lives in modules that are counted
    '!api/src/main.ts',
    '!api/src/**/*.main.ts',
  ],
  coverageReporters: ['text-summary', 'json-summary', 'lcov'],
  // a directory's figures are its files' together; measured at 93.6 % lines, 93.1 % branches
  // (api/src) and 99.2 %, 96.2 % (libs/), kept a few points below that so that a run on a
  // loaded machine or a small change does not fail on noise, and well above the 80 and 95
  coverageThreshold: {
    './api/src/': { lines: 90, statements: 90, branches: 88, functions: 88 },
    './libs/': { lines: 97, statements: 97, branches: 94, functions: 95 },
  },
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/api/src/**/*.spec.ts',
        '<rootDir>/libs/*/src/**/*.spec.ts',
        // the admin's pure helpers (no React, no DOM)
        '<rootDir>/admin/src/**/*.spec.ts',
      ],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // services with their real repositories on the real PostgreSQL, without HTTP (immich's middle tier)
      ...shared,
      displayName: 'medium',
      testMatch: ['<rootDir>/test/medium/**/*.medium-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // the built application in Chromium (Debian's chromium through playwright-core)
      ...shared,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
