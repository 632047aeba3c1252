import { DataTable, List, SelectInput, SimpleList, TextField, TextInput } from 'react-admin';
import { CodeField, UnitCodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { InlineField, InlineFields, ReferenceHeadline } from '../common/InlineFields';
import { usePhone } from '../common/usePhone';
import { useRole } from '../common/useRole';
import type { AdviceRequest } from '../types';
import { AdviceStatusField, AskedAgoField, TopicField, useAdviceStatusChoices, useTopicChoices } from './adviceWords';

const field = (name: string) => `resources.advice-requests.fields.${name}`;

/** On a phone: reference and status, then the unit (for the contact point), topic, age and messages. */
export const AdvicePhoneList = ({ national }: { national: boolean }) => (
  <SimpleList<AdviceRequest>
    primaryText={<ReferenceHeadline aside={<AdviceStatusField />} />}
    secondaryText={
      <InlineFields>
        {national && <UnitCodeField />}
        <TopicField />
        <InlineField label="app.advice.asked">
          <AskedAgoField />
        </InlineField>
        <InlineField label={field('messageCount')}>
          <TextField source="messageCount" />
        </InlineField>
      </InlineFields>
    }
    rowClick="show"
  />
);

const useFilters = () => {
  const statuses = useAdviceStatusChoices();
  const topics = useTopicChoices();
  return [
    <TextInput key="q" source="q" label="app.advice.search" alwaysOn />,
    <SelectInput key="status" source="status" choices={statuses} alwaysOn />,
    <SelectInput key="topic" source="topic" choices={topics} />,
  ];
};

// Lists never carry the question or the thread (the API leaves them out): the same for both roles.
export const AdviceRequestList = () => {
  const national = useRole() !== 'unit_worker';
  const phone = usePhone();
  const filters = useFilters();
  return (
    <List filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} exporter={false}>
      {phone ? (
        <AdvicePhoneList national={national} />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false} sx={{ width: 0, minWidth: '100%', overflowX: 'auto' }}>
          <DataTable.Col source="reference" field={CodeField} />
          {national && (
            <DataTable.Col source="unitId" disableSort>
              <UnitCodeField />
            </DataTable.Col>
          )}
          <DataTable.Col source="topic" field={TopicField} />
          <DataTable.Col source="status" field={AdviceStatusField} />
          <DataTable.Col source="messageCount" align="right" disableSort />
          <DataTable.Col source="createdAt" field={ShortDateTimeField} />
          <DataTable.Col source="ageDays" field={AskedAgoField} disableSort />
        </DataTable>
      )}
    </List>
  );
};
