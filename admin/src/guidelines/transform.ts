import { changedFields, pickFields } from '../common/transform';

type Data = Record<string, unknown>;

const RULE_FIELDS = [
  'categoryCode',
  'maxPerApplication',
  'maxPerCase',
  'maxUnitAmount',
  'unitLabel',
  'maxUnitsPerApplication',
  'secondApprovalAbove',
  'requiredDocuments',
  'allowedCaseStatuses',
  'agreementRequired',
  'urgentMayPrecedeAgreement',
  'minSessionSpacingDays',
] as const;

const FIELDS = ['version', 'effectiveFrom', 'minAge', 'maxCourseMonths', 'categories'];

/** Each category's rules with exactly the fields the API takes (unknown fields are refused with 400). */
const normalise = (data: Data): Data => ({
  ...data,
  categories: ((data.categories as Data[] | undefined) ?? []).map((rules) =>
    Object.fromEntries(
      RULE_FIELDS.map((field) => {
        const value = rules?.[field];
        if (field === 'requiredDocuments' || field === 'allowedCaseStatuses') return [field, value ?? []];
        if (field === 'agreementRequired' || field === 'urgentMayPrecedeAgreement') return [field, value === true];
        return [field, value === '' || value === undefined ? null : value];
      }),
    ),
  ),
});

export const createTransform = (data: Data): Data => pickFields(FIELDS)(normalise(data));

export const editTransform = (data: Data, options?: { previousData?: Data }): Data =>
  changedFields(FIELDS)(normalise(data), {
    previousData: options?.previousData && normalise(options.previousData),
  });
