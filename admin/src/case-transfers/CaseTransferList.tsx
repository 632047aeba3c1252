import { DataTable, List, ReferenceField, SelectInput, SimpleList, TextField } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { searchFilter } from '../common/filters';
import { InlineField, InlineFields } from '../common/InlineFields';
import { usePhone } from '../common/usePhone';
import type { CaseTransfer } from '../types';
import { transferStatusChoices, TransferStatusField } from './transferStatus';

const field = (name: string) => `resources.case-transfers.fields.${name}`;

export const UnitOf = ({ source }: { source: 'fromUnitId' | 'toUnitId' | 'unitId'; label?: string }) => (
  <ReferenceField source={source} reference="units" link={false}>
    <CodeField source="code" />
  </ReferenceField>
);

/** On a phone: the case's reference and the status above; from which unit to which, and when, below. */
const TransferPhoneList = () => (
  <SimpleList<CaseTransfer>
    primaryText={
      <InlineFields>
        <TextField source="caseReference" sx={{ fontFamily: 'monospace' }} />
        <TransferStatusField />
      </InlineFields>
    }
    secondaryText={
      <InlineFields>
        <InlineField label={field('fromUnitId')}>
          <UnitOf source="fromUnitId" />
        </InlineField>
        <InlineField label={field('toUnitId')}>
          <UnitOf source="toUnitId" />
        </InlineField>
        <ShortDateTimeField source="proposedAt" />
      </InlineFields>
    }
    rowClick="show"
  />
);

const filters = [searchFilter, <SelectInput key="status" source="status" choices={transferStatusChoices} alwaysOn />];

/** The transfers from and to the unit (every one for the contact point), open proposals first by default. */
export const CaseTransferList = () => {
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'proposedAt', order: 'DESC' }} perPage={25} exporter={false}>
      {phone ? (
        <TransferPhoneList />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="caseReference" field={CodeField} />
          <DataTable.Col source="fromUnitId">
            <UnitOf source="fromUnitId" />
          </DataTable.Col>
          <DataTable.Col source="toUnitId">
            <UnitOf source="toUnitId" />
          </DataTable.Col>
          <DataTable.Col source="status" field={TransferStatusField} />
          <DataTable.Col source="proposedAt" field={ShortDateTimeField} />
          <DataTable.Col source="decidedAt" field={ShortDateTimeField} />
        </DataTable>
      )}
    </List>
  );
};
