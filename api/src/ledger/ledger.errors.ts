import { HttpException, HttpStatus } from '@nestjs/common';

export enum LedgerErrorCode {
  NoOpenYear = 'LEDGER_NO_OPEN_YEAR',
  YearClosed = 'LEDGER_YEAR_CLOSED',
  PoolShort = 'LEDGER_POOL_SHORT',
  PoolBelowUse = 'LEDGER_POOL_BELOW_USE',
  OpenCommitments = 'LEDGER_OPEN_COMMITMENTS',
  NothingToCarry = 'LEDGER_NOTHING_TO_CARRY',
  YearExists = 'LEDGER_YEAR_EXISTS',
}

export class LedgerError extends HttpException {
  constructor(
    readonly code: LedgerErrorCode,
    message: string,
  ) {
    super({ message, code }, HttpStatus.CONFLICT);
  }
}
