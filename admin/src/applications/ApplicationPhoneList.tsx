import { SimpleList, useRecordContext } from 'react-admin';
import { CategoryField } from '../common/CategoryField';
import { UnitCodeField } from '../common/CodeField';
import { InlineField, InlineFields, ReferenceHeadline } from '../common/InlineFields';
import { ShortDateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import type { Application } from '../types';
import { AgeField, UrgentField } from './ApplicationFields';
import { ApplicationStatusField } from './applicationStatus';

const field = (name: string) => `resources.applications.fields.${name}`;

/** The unit (for national roles, who see every unit's applications) and the category. */
export const UnitAndCategory = ({ unit }: { unit: boolean }) => (
  <InlineFields>
    {unit && <UnitCodeField />}
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
    primaryText={<ReferenceHeadline lead={<UrgentField />} aside={<ApplicationStatusField />} />}
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
