import { DataTable, List, ReferenceField, ReferenceInput, SelectInput } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { searchFilter } from '../common/filters';
import { IsoDateField } from '../common/IsoDateField';
import { useRole } from '../common/useRole';
import { useCaseExporter } from './CaseExporter';
import { caseStatusChoices, CaseStatusField } from './caseStatus';

const unitFilter = (
  <ReferenceInput key="unitId" source="unitId" reference="units" sort={{ field: 'code', order: 'ASC' }} perPage={100} />
);

export const CaseList = () => {
  // A unit worker sees their own unit only: no unit column or filter for them.
  const national = useRole() !== 'unit_worker';
  const exporter = useCaseExporter(national);
  const filters = [
    searchFilter,
    <SelectInput key="status" source="status" choices={caseStatusChoices} alwaysOn />,
    ...(national ? [unitFilter] : []),
  ];
  return (
    <List filters={filters} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25} exporter={exporter}>
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="reference" field={CodeField} />
        {national && (
          <DataTable.Col source="unitId" disableSort>
            <ReferenceField source="unitId" reference="units" link={false} />
          </DataTable.Col>
        )}
        <DataTable.Col source="status" field={CaseStatusField} />
        <DataTable.Col source="birthYear" />
        <DataTable.Col source="consentRecordedOn" field={IsoDateField} disableSort />
        <DataTable.Col source="agreementSignedOn" field={IsoDateField} disableSort />
        <DataTable.Col source="programmeStart" field={IsoDateField} />
        <DataTable.Col source="updatedAt" field={ShortDateTimeField} />
      </DataTable>
    </List>
  );
};
