import { changedFields, pickFields } from '../common/transform';
import { minorToJson } from '../common/money';
import { linesTotal } from './LinesInput';

type Data = Record<string, unknown>;

interface LineValues {
  description?: unknown;
  quantity?: unknown;
  unitAmount?: unknown;
}

/** Only the fields the API takes for a line, and the requested amount computed from the lines. */
const withAmount = (data: Data): Data => {
  const lines = ((data.lines as LineValues[] | undefined) ?? []).map(({ description, quantity, unitAmount }) => ({
    description,
    quantity,
    unitAmount,
  }));
  const total = linesTotal(lines as never);
  const dates = ((data.plannedSessionDates as unknown[] | undefined) ?? []).filter(
    (date): date is string => typeof date === 'string' && date !== '',
  );
  return {
    ...data,
    lines,
    plannedSessionDates: dates,
    // The API refuses an amount that is not Σ quantity × unitAmount; the form checks every line first.
    amountRequested: total === null ? null : (minorToJson(total) ?? null),
  };
};

const CREATE_FIELDS = [
  'caseId',
  'categoryCode',
  'amountRequested',
  'justification',
  'ordinaryFundingConsidered',
  'urgent',
  'lines',
  'plannedSessionDates',
];
const EDIT_FIELDS = CREATE_FIELDS.filter((field) => field !== 'caseId');

export const createTransform = (data: Data): Data => {
  const { plannedSessionDates, ...body } = pickFields(CREATE_FIELDS)(withAmount(data));
  return {
    ...body,
    // Booleans are sent even when left untouched; session dates only when there are some.
    urgent: data.urgent === true,
    ordinaryFundingConsidered: data.ordinaryFundingConsidered === true,
    ...(Array.isArray(plannedSessionDates) && plannedSessionDates.length > 0 ? { plannedSessionDates } : {}),
  };
};

export const editTransform = (data: Data, options?: { previousData?: Data }): Data => {
  const changed = changedFields(EDIT_FIELDS)(withAmount(data), {
    previousData: options?.previousData && {
      ...options.previousData,
      plannedSessionDates: options.previousData.plannedSessionDates ?? [],
    },
  });
  // New lines always travel with the amount they add up to.
  if ('lines' in changed || 'amountRequested' in changed) {
    return { ...changed, lines: withAmount(data).lines, amountRequested: withAmount(data).amountRequested };
  }
  return changed;
};
