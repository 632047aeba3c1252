import { Typography } from '@mui/material';
import { DataTable, ReferenceField, ReferenceManyField, SimpleList, useTranslate } from 'react-admin';
import { CodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { InlineField, InlineFields } from '../common/InlineFields';
import { usePhone } from '../common/usePhone';
import type { CaseUnitStretch } from '../types';

const field = (name: string) => `resources.case-units.fields.${name}`;

const Unit = () => (
  <ReferenceField source="unitId" reference="units" link={false}>
    <CodeField source="code" />
  </ReferenceField>
);

const Until = () => {
  const translate = useTranslate();
  return <ShortDateTimeField source="until" emptyText={translate('app.transfers.now')} />;
};

/** The units a case has belonged to, oldest first, with dates; on the case's page. SimpleShowLayout labels it. */
export const CaseUnitHistory = (_props: { label: string }) => {
  const translate = useTranslate();
  const phone = usePhone();
  return (
    <ReferenceManyField
      reference="case-units"
      target="caseId"
      sort={{ field: 'since', order: 'ASC' }}
      perPage={50}
      empty={
        <Typography variant="body2" color="text.secondary">
          {translate('app.transfers.no_history')}
        </Typography>
      }
    >
      {phone ? (
        <SimpleList<CaseUnitStretch>
          primaryText={<Unit />}
          secondaryText={
            <InlineFields>
              <InlineField label={field('since')}>
                <ShortDateTimeField source="since" />
              </InlineField>
              <InlineField label={field('until')}>
                <Until />
              </InlineField>
            </InlineFields>
          }
          rowClick={false}
        />
      ) : (
        <DataTable rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="unitId" disableSort>
            <Unit />
          </DataTable.Col>
          <DataTable.Col source="since" field={ShortDateTimeField} disableSort />
          <DataTable.Col source="until" disableSort>
            <Until />
          </DataTable.Col>
        </DataTable>
      )}
    </ReferenceManyField>
  );
};
