// `npm start`: builds what is missing or older than its sources, then runs the
// one process that serves the API and the admin UI.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { newestSource } from './sources.mjs';

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const targets = [
  {
    output: 'dist/api/src/main.js',
    sources: ['api/src', 'libs', 'tsconfig.json', 'nest-cli.json'],
    script: 'build:api',
  },
  {
    output: 'admin/dist/index.html',
    sources: ['admin/src', 'admin/index.html', 'admin/vite.config.ts', 'libs'],
    script: 'build:admin',
  },
];
for (const { output, sources, script } of targets) {
  if (builtAt(output) < newestSource(sources)) {
    console.error(`Building (${script})…`);
    try {
      execSync(`npm run --silent ${script}`, { stdio: 'inherit' });
    } catch {
      console.error(`Exit Pool could not start: the build (npm run ${script}) failed; its errors are above.`);
      process.exit(1);
    }
  }
}

await import('../dist/api/src/main.js');
