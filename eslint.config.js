import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // Nest's dependency injection reads the constructor parameter types at run time.
    files: ['api/src/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['admin/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The domain knows nothing of the framework, the database, the file system or
    // the network: libs/ imports only what is on this list — other libs (@app/*),
    // its own files, and pdf-lib (a pure PDF parser, libs/files). Anything else,
    // node:* and relative paths out of the library included, is refused.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@app/|\\.{1,2}/|pdf-lib$)',
              message: 'libs/ imports only @app/*, its own files and pdf-lib: keep it pure TypeScript.',
            },
            {
              regex: '^(\\.\\./){2,}',
              message: 'libs/ imports nothing outside its own library: use @app/<lib> for another one.',
            },
          ],
        },
      ],
    },
  },
  {
    // tests of libs/ may also draw random cases
    files: ['libs/**/*.spec.ts', 'libs/*/src/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@app/|\\.{1,2}/|pdf-lib$|fast-check$)',
              message: 'tests of libs/ import only @app/*, their library, pdf-lib and fast-check.',
            },
            {
              regex: '^(\\.\\./){2,}',
              message: 'libs/ imports nothing outside its own library: use @app/<lib> for another one.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'scripts/**', 'admin/scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
