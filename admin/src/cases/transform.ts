import { changedFields, pickFields } from '../common/transform';
import { consentToSend } from './ConsentInputs';

/** The facts the case form sends beside its consent; the date consent was first given follows from the consent. */
export const CASE_FIELDS = ['status', 'birthYear', 'agreementSignedOn', 'programmeStart'] as const;

type Data = Record<string, unknown>;
type Consent = Parameters<typeof consentToSend>[0];

export const caseCreateTransform = (data: Data): Data => ({
  ...pickFields(CASE_FIELDS)(data),
  ...consentToSend(data.consent as Consent),
});

export const caseEditTransform = (data: Data, options?: { previousData?: Data }): Data => ({
  ...changedFields(CASE_FIELDS)(data, options),
  ...consentToSend(data.consent as Consent, options?.previousData?.consent as Consent),
});
