import { Box, Typography } from '@mui/material';
import {
  DataTable,
  ListContextProvider,
  type ListControllerResult,
  ReferenceManyField,
  SimpleList,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CategoryField } from '../common/CategoryField';
import { CodeField } from '../common/CodeField';
import { MoneyField } from '../common/MoneyField';
import { useFormatMoney } from '../common/money';
import { usePhone } from '../common/usePhone';
import type { Application } from '../types';
import { ApplicationStatusField } from './applicationStatus';

/** Requested, and below it what was granted: two amounts in one narrow column. */
const AmountsField = (_props: { source?: string }) => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const format = useFormatMoney();
  if (!record) return null;
  return (
    <>
      <MoneyField source="amountRequested" />
      {record.amountApproved != null && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ whiteSpace: 'nowrap' }}>
          {translate('app.applications.granted_amount', { amount: format(record.amountApproved) })}
        </Typography>
      )}
    </>
  );
};

/** On a phone: one line an application, its reference and status above, what and how much below. */
const PhoneApplications = () => (
  <SimpleList<Application>
    primaryText={
      <Box component="span" sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 1 }}>
        <CodeField source="reference" />
        <ApplicationStatusField />
      </Box>
    }
    secondaryText={
      <>
        <CategoryField source="categoryCode" /> · <MoneyField source="amountRequested" />
      </>
    }
    rowClick="show"
    sx={{ '& .MuiListItemButton-root, & .MuiListItem-root': { px: 0 } }}
  />
);

/** The case's applications other than this one. */
const OtherApplications = ({ currentId }: { currentId: Application['id'] }) => {
  const context = useListContext<Application>();
  const translate = useTranslate();
  const phone = usePhone();
  const data = (context.data ?? []).filter((application) => application.id !== currentId);
  if (!context.isPending && data.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.applications.no_earlier')}
      </Typography>
    );
  }
  return (
    <ListContextProvider value={{ ...context, data, total: data.length } as ListControllerResult<Application>}>
      {phone ? (
        <PhoneApplications />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false} sx={{ overflowX: 'auto' }}>
          <DataTable.Col source="reference" field={CodeField} disableSort />
          <DataTable.Col source="categoryCode" field={CategoryField} disableSort />
          <DataTable.Col source="amountRequested" field={AmountsField} align="right" disableSort />
          <DataTable.Col source="status" field={ApplicationStatusField} disableSort />
        </DataTable>
      )}
    </ListContextProvider>
  );
};

/** The case's earlier applications, for the contact point to see the whole picture. */
export const EarlierApplications = () => {
  const record = useRecordContext<Application>();
  if (!record) return null;
  return (
    <ReferenceManyField
      reference="applications"
      target="caseId"
      source="caseId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={50}
    >
      <OtherApplications currentId={record.id} />
    </ReferenceManyField>
  );
};
