import { localDateTime, money } from '../common/csv';
import { type ExportColumn, useCsvExporter } from '../common/useCsvExporter';
import type { Application } from '../types';

const field = (name: string) => `resources.applications.fields.${name}`;

const UNIT: ExportColumn<Application> = {
  header: field('unitId'),
  value: (a, { units }) => units[a.unitId]?.name ?? null,
};

// the list's columns, and what a spreadsheet needs besides: the case, the paid amount, the decision's date
const COLUMNS: ExportColumn<Application>[] = [
  { header: field('reference'), value: (a) => a.reference },
  { header: field('caseReference'), value: (a) => a.caseReference },
  { header: field('categoryCode'), value: (a, { categoryName }) => categoryName(a.categoryCode) },
  { header: field('status'), value: (a, { translate }) => translate(`app.application_status.${a.status}`) },
  { header: field('urgent'), value: (a, { yesNo }) => yesNo(a.urgent) },
  { header: field('amountRequested'), money: true, value: (a) => money(a.amountRequested) },
  { header: field('amountApproved'), money: true, value: (a) => money(a.amountApproved) },
  { header: field('paidAmount'), money: true, value: (a) => money(a.paidAmount) },
  { header: field('submittedAt'), value: (a) => localDateTime(a.submittedAt) },
  { header: field('decidedAt'), value: (a) => localDateTime(a.decidedAt) },
];
const NATIONAL = [...COLUMNS.slice(0, 2), UNIT, ...COLUMNS.slice(2)];

/** Applications as a spreadsheet reads them; the unit's name for the roles that see every unit. */
export const useApplicationExporter = (national: boolean) =>
  useCsvExporter<Application>(national ? NATIONAL : COLUMNS, { units: national });
