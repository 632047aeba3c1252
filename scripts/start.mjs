// `npm start`: builds what is missing or older than its sources, then runs the
// one process that serves the API and the admin UI.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const newest = (dirs) => {
  let latest = 0;
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(path);
      } else latest = Math.max(latest, statSync(path).mtimeMs);
    }
  };
  dirs.forEach(walk);
  return latest;
};
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
  if (builtAt(output) < newest(sources)) {
    console.error(`Building (${script})…`);
    execSync(`npm run --silent ${script}`, { stdio: 'inherit' });
  }
}

await import('../dist/api/src/main.js');
