// Runs a file of the built API, building it first when it is missing or older than its sources.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { newestSource } from './sources.mjs';

const [file] = process.argv.slice(2);
if (!existsSync(file) || statSync(file).mtimeMs < newestSource(['api/src', 'libs'])) {
  try {
    execSync('npm run --silent build:api', { stdio: 'inherit' });
  } catch {
    console.error(`${file} could not run: the build (npm run build:api) failed; its errors are above.`);
    process.exit(1);
  }
}
await import(pathToFileURL(resolve(file)).href);
