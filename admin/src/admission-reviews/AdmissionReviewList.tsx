import { Box } from '@mui/material';
import { DataTable, List, ReferenceField, SelectInput, SimpleList } from 'react-admin';
import { CodeField, UnitCodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { InlineField, InlineFields } from '../common/InlineFields';
import { IsoDateField } from '../common/IsoDateField';
import { searchFilter } from '../common/filters';
import { usePhone } from '../common/usePhone';
import { useRole } from '../common/useRole';
import type { AdmissionReview } from '../types';
import { admissionReviewStatusChoices, AdmissionReviewStatusField } from './admissionReviewStatus';

const field = (name: string) => `resources.admission-reviews.fields.${name}`;

/** On a phone: one card a review, the case's reference and status above, the unit and dates below. */
const ReviewPhoneList = ({ national }: { national: boolean }) => (
  <SimpleList<AdmissionReview>
    primaryText={
      <Box
        component="span"
        sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}
      >
        <CodeField source="caseReference" />
        <AdmissionReviewStatusField />
      </Box>
    }
    secondaryText={
      <InlineFields>
        {national && <UnitCodeField />}
        <InlineField label={field('requestedOn')}>
          <IsoDateField source="requestedOn" />
        </InlineField>
        <InlineField label={field('decidedAt')}>
          <ShortDateTimeField source="decidedAt" emptyText="–" />
        </InlineField>
      </InlineFields>
    }
    rowClick="show"
  />
);

/** The contact point's queue of refused admissions to review (the oldest request first); a unit its own. */
export const AdmissionReviewList = () => {
  const national = useRole() !== 'unit_worker';
  const phone = usePhone();
  const filters = [
    searchFilter,
    <SelectInput key="status" source="status" choices={admissionReviewStatusChoices} alwaysOn />,
  ];
  return (
    <List filters={filters} sort={{ field: 'requestedOn', order: 'ASC' }} perPage={25} exporter={false}>
      {phone ? (
        <ReviewPhoneList national={national} />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="caseReference" field={CodeField} disableSort />
          {national && (
            <DataTable.Col source="unitId" disableSort>
              <ReferenceField source="unitId" reference="units" link={false} />
            </DataTable.Col>
          )}
          <DataTable.Col source="status" field={AdmissionReviewStatusField} />
          <DataTable.Col source="requestedOn" field={IsoDateField} />
          <DataTable.Col source="decidedAt" field={ShortDateTimeField} />
        </DataTable>
      )}
    </List>
  );
};
