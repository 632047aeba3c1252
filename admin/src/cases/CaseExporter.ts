import { localDateTime } from '../common/csv';
import { type ExportColumn, useCsvExporter } from '../common/useCsvExporter';
import type { Case } from '../types';

const field = (name: string) => `resources.cases.fields.${name}`;

const COLUMNS: ExportColumn<Case>[] = [
  { header: field('reference'), value: (c) => c.reference },
  { header: field('status'), value: (c, { translate }) => translate(`app.case_status.${c.status}`) },
  { header: field('birthYear'), value: (c) => c.birthYear },
  { header: field('consentRecordedOn'), value: (c) => c.consentRecordedOn },
  { header: field('agreementSignedOn'), value: (c) => c.agreementSignedOn },
  { header: field('programmeStart'), value: (c) => c.programmeStart },
  { header: field('updatedAt'), value: (c) => localDateTime(c.updatedAt) },
];
const NATIONAL: ExportColumn<Case>[] = [
  COLUMNS[0],
  { header: field('unitId'), value: (c, { units }) => units[c.unitId]?.name ?? null },
  ...COLUMNS.slice(1),
];

/** Cases by reference, status and dates; the unit's name for the roles that see every unit. */
export const useCaseExporter = (national: boolean) =>
  useCsvExporter<Case>(national ? NATIONAL : COLUMNS, { units: national });
