import { Box } from '@mui/material';
import { DataTable, List, SelectInput, SimpleList } from 'react-admin';
import { InlineField, InlineFields } from '../common/InlineFields';
import { CodeField } from '../common/CodeField';
import { DateTimeField, ShortDateTimeField } from '../common/DateTimeField';
import { IsoDateField } from '../common/IsoDateField';
import { usePhone } from '../common/usePhone';
import type { GuidelineRecord } from '../types';
import { guidelineStatusChoices, GuidelineStatusField } from './guidelineStatus';

const filters = [<SelectInput key="status" source="status" choices={guidelineStatusChoices} alwaysOn />];

const field = (name: string) => `resources.guidelines.fields.${name}`;

/** On a phone: one item a version, its status beside it, from when it applies and when it was published below. */
const GuidelinePhoneList = () => (
  <SimpleList<GuidelineRecord>
    primaryText={
      <Box component="span" sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 1 }}>
        <CodeField source="version" />
        <GuidelineStatusField />
      </Box>
    }
    secondaryText={
      <InlineFields>
        <InlineField label={field('effectiveFrom')}>
          <IsoDateField source="effectiveFrom" />
        </InlineField>
        <InlineField label={field('publishedAt')}>
          <ShortDateTimeField source="publishedAt" emptyText="–" />
        </InlineField>
      </InlineFields>
    }
    rowClick="show"
  />
);

export const GuidelineList = () => {
  const phone = usePhone();
  return (
    <List filters={filters} sort={{ field: 'effectiveFrom', order: 'DESC' }} perPage={25} exporter={false}>
      {phone ? (
        <GuidelinePhoneList />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="version" field={CodeField} />
          <DataTable.Col source="effectiveFrom" field={IsoDateField} />
          <DataTable.Col source="status" field={GuidelineStatusField} />
          <DataTable.Col source="publishedAt" field={DateTimeField} />
          <DataTable.Col source="createdAt" field={DateTimeField} />
        </DataTable>
      )}
    </List>
  );
};
