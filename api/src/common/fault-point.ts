import type { AppConfig } from '../config/app-config.js';

/**
 * A test-only crash: with NODE_ENV=test and EXITPOOL_FAULT_POINT=<name>, the
 * process dies at once at that point (as a power cut would), so a test can
 * prove that what was in flight is all or nothing.
 */
export function faultPoint(config: AppConfig, name: string): void {
  if (config.faultPoint === name) process.kill(process.pid, 'SIGKILL');
}
