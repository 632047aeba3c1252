// npm run lint:openapi: writes the OpenAPI document from the built API (built first when
// older than its sources; no database, no network) and lints it with Redocly's
// recommended rules and redocly.yaml. Exits non-zero on any error.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'exit-pool-openapi-'));
const file = join(dir, 'openapi.json');
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
try {
  execFileSync(process.execPath, ['scripts/run-built.mjs', 'dist/api/src/openapi.main.js', file], { stdio: 'inherit' });
  execFileSync(
    process.execPath,
    ['node_modules/@redocly/cli/bin/cli.js', 'lint', file, '--config', 'redocly.yaml', '--format', 'stylish'],
    { stdio: 'inherit', env },
  );
} catch (error) {
  process.exitCode = typeof error.status === 'number' ? error.status : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
