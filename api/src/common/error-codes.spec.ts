import { WORKFLOW_ERROR_CODES } from '@app/contract';
import { ApplicationErrorCode } from '../applications/applications.errors.js';
import { LedgerErrorCode } from '../ledger/ledger.errors.js';
import { RetentionErrorCode } from '../retention/retention.errors.js';

// The UI translates refusals by the contract's list: a code the API adds must reach it too.
describe('WORKFLOW_ERROR_CODES', () => {
  it('names every code an application, the ledger and the retention purge can refuse with', () => {
    const api = [
      ...Object.values(ApplicationErrorCode),
      ...Object.values(LedgerErrorCode),
      ...Object.values(RetentionErrorCode),
    ].sort();
    expect([...WORKFLOW_ERROR_CODES].sort()).toEqual(api);
  });
});
