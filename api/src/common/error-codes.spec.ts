import { COMMON_ERROR_CODES, NOTIFICATION_ERROR_CODES, WORKFLOW_ERROR_CODES } from '@app/contract';
import type { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { AdviceError, AdviceErrorCode } from '../advice-requests/advice-requests.errors.js';
import { AdmissionError, AdmissionErrorCode } from '../admission-reviews/admission.errors.js';
import { ApplicationError, ApplicationErrorCode } from '../applications/applications.errors.js';
import { AttachmentError, AttachmentErrorCode } from '../attachments/attachments.errors.js';
import { AuthError, AuthErrorCode } from '../auth/auth.errors.js';
import { CaseError, CaseErrorCode } from '../cases/cases.errors.js';
import { CaseTransferError, CaseTransferErrorCode } from '../case-transfers/case-transfers.errors.js';
import { DisbursementError, DisbursementErrorCode } from '../disbursements/disbursements.errors.js';
import { GuidelineError, GuidelineErrorCode } from '../guidelines/guidelines.errors.js';
import { LedgerError, LedgerErrorCode } from '../ledger/ledger.errors.js';
import { NotificationError, NotificationErrorCode } from '../notifications/notifications.errors.js';
import { RetentionError, RetentionErrorCode } from '../retention/retention.errors.js';
import { CommonErrorCode, fieldError, notFound, uniqueConflict } from './errors.js';
import { HttpExceptionFilter } from './http-exception.filter.js';

// Every refusal the API answers with a `code`, as each feature raises it.
const REFUSALS: Record<string, HttpException[]> = {
  common: [fieldError('name', 'is wrong'), uniqueConflict('code', 'is already in use'), notFound('Unit')],
  application: Object.values(ApplicationErrorCode).map((code) => new ApplicationError(code, 'No')),
  ledger: Object.values(LedgerErrorCode).map((code) => new LedgerError(code, 'No')),
  retention: Object.values(RetentionErrorCode).map((code) => new RetentionError(code, 'No', new Date())),
  disbursement: Object.values(DisbursementErrorCode).map((code) => new DisbursementError(code, 'No')),
  attachment: Object.values(AttachmentErrorCode).map((code) => new AttachmentError(code, 'No')),
  guideline: Object.values(GuidelineErrorCode).map((code) => new GuidelineError(code)),
  auth: Object.values(AuthErrorCode).map((code) => new AuthError(code)),
  notification: Object.values(NotificationErrorCode).map((code) => new NotificationError(code, 'No')),
  case: Object.values(CaseErrorCode).map((code) => new CaseError(code, 'No')),
  advice: Object.values(AdviceErrorCode).map((code) => new AdviceError(code, 'No')),
  admission: Object.values(AdmissionErrorCode).map((code) => new AdmissionError(code, 'No')),
  caseTransfer: Object.values(CaseTransferErrorCode).map((code) => new CaseTransferError(code, 'No')),
};

const codeOf = (error: HttpException): unknown => (error.getResponse() as { code?: unknown }).code;

// The UI translates refusals by the contract's list (admin/src/i18n/error-codes.spec.ts holds
// its words to it): a code the API adds must reach it too.
describe('WORKFLOW_ERROR_CODES', () => {
  it('names every code a workflow action can be refused with: the common ones, an application’s, the ledger’s, the retention purge’s, a case’s, an advice request’s, admission’s and a case transfer’s', () => {
    const api = [
      ...Object.values(CommonErrorCode),
      ...Object.values(ApplicationErrorCode),
      ...Object.values(LedgerErrorCode),
      ...Object.values(RetentionErrorCode),
      ...Object.values(CaseErrorCode),
      ...Object.values(AdviceErrorCode),
      ...Object.values(AdmissionErrorCode),
      ...Object.values(CaseTransferErrorCode),
    ].sort();
    expect([...WORKFLOW_ERROR_CODES].sort()).toEqual(api);
    expect([...COMMON_ERROR_CODES].sort()).toEqual(Object.values(CommonErrorCode).sort());
  });
});

describe('NOTIFICATION_ERROR_CODES', () => {
  it('names every code the notifications feature refuses with', () => {
    expect([...NOTIFICATION_ERROR_CODES].sort()).toEqual(Object.values(NotificationErrorCode).sort());
  });
});

describe('every error code', () => {
  it.each(Object.entries(REFUSALS))('of the %s errors has an HTTP error status', (_, errors) => {
    for (const error of errors) {
      const status = error.getStatus();
      expect({ code: codeOf(error), known: STATUS_CODES[status] !== undefined && status >= 400 }).toEqual({
        code: codeOf(error),
        known: true,
      });
    }
  });

  it('is answered by one feature only', () => {
    const codes = Object.values(REFUSALS).flatMap((errors) => errors.map(codeOf));
    expect(codes.every((code) => typeof code === 'string')).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('is refused by the ledger with 409: a conflict with the state of the money', () => {
    expect(REFUSALS.ledger!.map((e) => [codeOf(e), e.getStatus()])).toEqual([
      ['LEDGER_NO_OPEN_YEAR', 409],
      ['LEDGER_YEAR_CLOSED', 409],
      ['LEDGER_POOL_SHORT', 409],
      ['LEDGER_POOL_BELOW_USE', 409],
      ['LEDGER_OPEN_COMMITMENTS', 409],
      ['LEDGER_YEAR_EXISTS', 409],
    ]);
  });
});

describe('the common refusals', () => {
  const filter = new HttpExceptionFilter();

  it('names a bad field with 400 INVALID_FIELD', () => {
    expect(filter.toBody(fieldError('unitId', 'no unit has this id'))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['unitId: no unit has this id'],
      errors: { unitId: 'no unit has this id' },
      code: 'INVALID_FIELD',
    });
  });

  it('names a value already in use with 409 UNIQUE_CONFLICT', () => {
    expect(filter.toBody(uniqueConflict('email', 'is already in use'))).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: ['email: is already in use'],
      errors: { email: 'is already in use' },
      code: 'UNIQUE_CONFLICT',
    });
  });

  it('answers a missing or hidden record with 404 NOT_FOUND', () => {
    expect(filter.toBody(notFound('Application'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Application not found',
      code: 'NOT_FOUND',
    });
  });
});
