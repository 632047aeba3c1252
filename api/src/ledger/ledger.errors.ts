import { HttpStatus } from '@nestjs/common';
import { FeatureError } from '../common/feature-error.js';

export enum LedgerErrorCode {
  NoOpenYear = 'LEDGER_NO_OPEN_YEAR',
  YearClosed = 'LEDGER_YEAR_CLOSED',
  PoolShort = 'LEDGER_POOL_SHORT',
  PoolBelowUse = 'LEDGER_POOL_BELOW_USE',
  OpenCommitments = 'LEDGER_OPEN_COMMITMENTS',
  YearExists = 'LEDGER_YEAR_EXISTS',
}

// every ledger refusal is a conflict with the state of the money or of the budget years
const STATUS: Record<LedgerErrorCode, HttpStatus> = {
  [LedgerErrorCode.NoOpenYear]: HttpStatus.CONFLICT,
  [LedgerErrorCode.YearClosed]: HttpStatus.CONFLICT,
  [LedgerErrorCode.PoolShort]: HttpStatus.CONFLICT,
  [LedgerErrorCode.PoolBelowUse]: HttpStatus.CONFLICT,
  [LedgerErrorCode.OpenCommitments]: HttpStatus.CONFLICT,
  [LedgerErrorCode.YearExists]: HttpStatus.CONFLICT,
};

export class LedgerError extends FeatureError<LedgerErrorCode> {
  constructor(code: LedgerErrorCode, message: string) {
    super(code, STATUS[code], message);
  }
}
