import { DataTable, List, ReferenceField, ReferenceInput, SelectInput, SimpleList, TextField } from 'react-admin';
import { ReferenceHeadline, InlineField, InlineFields } from '../common/InlineFields';
import { CodeField, UnitCodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { searchFilter } from '../common/filters';
import { IsoDateField } from '../common/IsoDateField';
import { usePhone } from '../common/usePhone';
import { useRole } from '../common/useRole';
import type { Case } from '../types';
import { useCaseExporter } from './CaseExporter';
import { caseStatusChoices, CaseStatusField } from './caseStatus';

const unitFilter = (
  <ReferenceInput key="unitId" source="unitId" reference="units" sort={{ field: 'code', order: 'ASC' }} perPage={100} />
);

const field = (name: string) => `resources.cases.fields.${name}`;

/**
 * On a phone: one item a case, its reference and status above (laid out as an application's are); the unit (for national roles), the
 * year of birth and the programme's start, then when it changed, below. The consent and agreement
 * dates are on the case's page.
 */
const CasePhoneList = ({ national }: { national: boolean }) => (
  <SimpleList<Case>
    primaryText={<ReferenceHeadline aside={<CaseStatusField />} />}
    secondaryText={
      <>
        <InlineFields>
          {national && <UnitCodeField />}
          <InlineField label={field('birthYear')}>
            <TextField source="birthYear" emptyText="–" />
          </InlineField>
          <InlineField label={field('programmeStart')}>
            <IsoDateField source="programmeStart" emptyText="–" />
          </InlineField>
        </InlineFields>
        <InlineField label={field('updatedAt')}>
          <ShortDateTimeField source="updatedAt" />
        </InlineField>
      </>
    }
    rowClick="show"
  />
);

export const CaseList = () => {
  // A unit worker sees their own unit only: no unit column or filter for them.
  const national = useRole() !== 'unit_worker';
  const phone = usePhone();
  const exporter = useCaseExporter(national);
  const filters = [
    searchFilter,
    <SelectInput key="status" source="status" choices={caseStatusChoices} alwaysOn />,
    ...(national ? [unitFilter] : []),
  ];
  return (
    <List filters={filters} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={25} exporter={exporter}>
      {phone ? (
        <CasePhoneList national={national} />
      ) : (
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
      )}
    </List>
  );
};
