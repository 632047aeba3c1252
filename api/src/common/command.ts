import { describeError } from '../database/start-failure.js';

/**
 * Runs an operator command's `main` and exits with the code it answers. A command that
 * could not run at all says so in one line, `<what> could not run: <why>`, and exits 2,
 * which its callers (cron, CI) tell apart from a finding (1).
 */
export function runCommand(what: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`${what} could not run:`, describeError(error));
      process.exit(2);
    },
  );
}
