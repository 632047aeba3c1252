import { localDateTime } from '../common/csv';
import { type ExportColumn, useCsvExporter } from '../common/useCsvExporter';
import type { AuditEvent } from '../types';
import { actionWords, recordTypeWords } from './auditWords';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const field = (name: string) => `resources.audit-events.fields.${name}`;

const COLUMNS: ExportColumn<AuditEvent>[] = [
  { header: field('seq'), value: (e) => e.seq },
  { header: field('at'), value: (e) => localDateTime(e.at) },
  { header: field('actorId'), value: (e) => e.actorName },
  { header: field('action'), value: (e, { translate }) => actionWords(translate, e.action) },
  { header: field('entityType'), value: (e, { translate }) => recordTypeWords(translate, e.entityType) },
  // as the log shows it: the reference, else a uuid's first characters (a session, a removed record), else the id
  {
    header: 'app.audit.record',
    value: (e) => e.entityReference ?? (e.entityId && UUID.test(e.entityId) ? e.entityId.slice(0, 8) : e.entityId),
  },
];

/** The audit log as people read it: who by name, what in words, the record by its reference. */
export const useAuditEventExporter = () => useCsvExporter<AuditEvent>(COLUMNS);
