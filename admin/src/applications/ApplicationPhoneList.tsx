import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { ReferenceField, SimpleList, useRecordContext, useTranslate } from 'react-admin';
import { CategoryField } from '../common/CategoryField';
import { CodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import type { Application } from '../types';
import { AgeField, UrgentField } from './ApplicationFields';
import { ApplicationStatusField } from './applicationStatus';

const field = (name: string) => `resources.applications.fields.${name}`;

/** "Requested DKK 5,000.00": a field's label before its value, kept on one line so a phone wraps between pairs. */
export const InlineField = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
      {translate(label)} {children}
    </Box>
  );
};

/** Pairs of label and value, a dot between them, wrapping as the screen needs. */
export const InlineFields = ({ children }: { children: ReactNode }) => (
  <Box
    component="span"
    sx={{
      display: 'flex',
      flexWrap: 'wrap',
      columnGap: 0.75,
      '& > * + *::before': { content: '"·"', marginRight: 0.75 },
    }}
  >
    {children}
  </Box>
);

/** The urgent mark and the reference on the left, the status (or what the list is about) on the right. */
export const ApplicationHeadline = ({ lead, aside }: { lead?: ReactNode; aside?: ReactNode }) => (
  <Box
    component="span"
    sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}
  >
    <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      {lead}
      <CodeField source="reference" />
    </Box>
    {aside}
  </Box>
);

/** The unit (for national roles, who see every unit's applications) and the category. */
export const UnitAndCategory = ({ unit }: { unit: boolean }) => (
  <InlineFields>
    {unit && (
      <ReferenceField source="unitId" reference="units" link={false}>
        <CodeField source="code" />
      </ReferenceField>
    )}
    <CategoryField source="categoryCode" />
  </InlineFields>
);

const Amounts = () => {
  const record = useRecordContext<Application>();
  return (
    <InlineFields>
      <InlineField label={field('amountRequested')}>
        <MoneyField source="amountRequested" />
      </InlineField>
      {record?.amountApproved != null && (
        <InlineField label={field('amountApproved')}>
          <MoneyField source="amountApproved" />
        </InlineField>
      )}
    </InlineFields>
  );
};

const When = ({ date, age }: { date: 'submittedAt' | 'updatedAt'; age: boolean }) => {
  const record = useRecordContext<Application>();
  if (!record?.[date]) return null;
  return (
    <InlineFields>
      <InlineField label={field(date)}>
        <ShortDateTimeField source={date} />
      </InlineField>
      {age && (
        <InlineField label="app.applications.age">
          <AgeField />
        </InlineField>
      )}
    </InlineFields>
  );
};

interface ApplicationPhoneListProps {
  /** national roles see every unit's applications, so each item names its unit */
  national: boolean;
  /** the date the list is sorted by */
  date?: 'submittedAt' | 'updatedAt';
  /** how long it has waited (the review queue) */
  age?: boolean;
}

/**
 * On a phone: one item an application instead of the table's row, with what it takes to choose one:
 * the urgent mark, reference and status; the unit and category; the amounts; the date.
 */
export const ApplicationPhoneList = ({ national, date = 'submittedAt', age = false }: ApplicationPhoneListProps) => (
  <SimpleList<Application>
    primaryText={<ApplicationHeadline lead={<UrgentField />} aside={<ApplicationStatusField />} />}
    secondaryText={
      <>
        <UnitAndCategory unit={national} />
        <Amounts />
        <When date={date} age={age} />
      </>
    }
    rowClick="show"
  />
);
