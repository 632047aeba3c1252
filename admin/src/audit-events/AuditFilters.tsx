import { useQuery } from '@tanstack/react-query';
import { AutocompleteInput, DateInput, SelectInput, TextInput, useTranslate } from 'react-admin';
import { searchFilter } from '../common/filters';
import { useExitPoolDataProvider } from '../dataProvider';
import { actionWords, AUDIT_ACTIONS, AUDIT_RECORD_TYPES, recordTypeWords } from './auditWords';

/** A day chosen in the browser's time zone, from its first moment… */
const startOfDay = (value: string) => (value ? new Date(`${value}T00:00:00`).toISOString() : value);
/** …to its last: `at_lte` takes the whole day chosen. */
const endOfDay = (value: string) => (value ? new Date(`${value}T23:59:59.999`).toISOString() : value);

const ActorInput = (props: { source: string; alwaysOn?: boolean }) => {
  const dataProvider = useExitPoolDataProvider();
  const translate = useTranslate();
  const { data } = useQuery({
    queryKey: ['audit-events', 'actors'],
    queryFn: async () => (await dataProvider.auditActors()).data,
    staleTime: 5 * 60_000,
  });
  const choices = (data ?? []).map((u) => ({
    id: u.id,
    name: u.active ? u.displayName : translate('app.audit.inactive', { name: u.displayName }),
  }));
  return (
    <AutocompleteInput
      {...props}
      label="resources.audit-events.fields.actorId"
      choices={choices}
      isPending={!data}
      sx={{ minWidth: 200 }}
    />
  );
};

const ActionInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const choices = AUDIT_ACTIONS.map((id) => ({ id, name: actionWords(translate, id) }));
  return <AutocompleteInput {...props} choices={choices} sx={{ minWidth: 220 }} />;
};

const RecordTypeInput = (props: { source: string; alwaysOn?: boolean }) => {
  const translate = useTranslate();
  const choices = AUDIT_RECORD_TYPES.map((id) => ({ id, name: recordTypeWords(translate, id) }));
  return <SelectInput {...props} choices={choices} />;
};

/**
 * By user, action, record (its type, and its reference or the start of it: `KBH-2026-014` finds the
 * case and its applications) and period. On a phone only the search shows; the rest are one tap away.
 */
export const auditFilters = (phone: boolean) => [
  searchFilter,
  <ActorInput key="actorId" source="actorId" alwaysOn={!phone} />,
  <ActionInput key="action" source="action" alwaysOn={!phone} />,
  <TextInput
    key="record"
    source="record"
    label="app.audit.record"
    helperText="app.audit.record_hint"
    alwaysOn={!phone}
  />,
  <RecordTypeInput key="entityType" source="entityType" />,
  <DateInput key="at_gte" source="at_gte" label="app.audit.from" parse={startOfDay} alwaysOn={!phone} />,
  <DateInput key="at_lte" source="at_lte" label="app.audit.to" parse={endOfDay} alwaysOn={!phone} />,
];
