import AddIcon from '@mui/icons-material/Add';
import { Typography } from '@mui/material';
import {
  Button,
  DataTable,
  EditButton,
  LinkBase,
  Pagination,
  ReferenceField,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ApplicationPhoneList } from '../applications/ApplicationPhoneList';
import { ApplicationStatusField } from '../applications/applicationStatus';
import { CategoryField } from '../common/CategoryField';
import { CodeField } from '../common/CodeField';
import { DateTimeField, ShortDateTimeField } from '../common/DateTimeField';
import { IsoDateField } from '../common/IsoDateField';
import { MoneyField } from '../common/MoneyField';
import { CaseUnitHistory } from '../case-transfers/CaseUnitHistory';
import { PendingTransferNotice } from '../case-transfers/PendingTransferNotice';
import { TransferCaseButton } from '../case-transfers/TransferCaseButton';
import { PurgedBanner, usePurgedOrDash } from '../common/Purged';
import { usePhone } from '../common/usePhone';
import type { Case } from '../types';
import { CaseStatusField } from './caseStatus';

/** Opens a new application with this case chosen. */
const NewApplicationButton = () => {
  const record = useRecordContext<Case>();
  const { canAccess } = useCanAccess({ resource: 'applications', action: 'create' });
  // a purged case takes no new application
  if (!record || !canAccess || record.purgedAt) return null;
  return (
    // without a link component the button would render `to` as the text "[object Object]"
    <Button
      component={LinkBase}
      to={{
        pathname: '/applications/create',
        search: `?source=${encodeURIComponent(JSON.stringify({ caseId: record.id }))}`,
      }}
      label="app.cases.new_application"
    >
      <AddIcon />
    </Button>
  );
};

const CaseActions = () => (
  <TopToolbar>
    <NewApplicationButton />
    <TransferCaseButton />
    <EditButton />
  </TopToolbar>
);

// SimpleShowLayout labels it from `label`.
const ApplicationsOfCase = (_props: { label: string }) => {
  const translate = useTranslate();
  const phone = usePhone();
  return (
    <ReferenceManyField
      reference="applications"
      target="caseId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10]} />}
      empty={
        <Typography variant="body2" color="text.secondary">
          {translate('app.cases.no_applications')}
        </Typography>
      }
    >
      {phone ? (
        // the case is one unit's: its applications need not name it
        <ApplicationPhoneList national={false} />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="reference" field={CodeField} />
          <DataTable.Col source="categoryCode" field={CategoryField} disableSort />
          <DataTable.Col source="amountRequested" field={MoneyField} align="right" />
          <DataTable.Col source="amountApproved" field={MoneyField} align="right" disableSort />
          <DataTable.Col source="status" field={ApplicationStatusField} />
          <DataTable.Col source="submittedAt" field={ShortDateTimeField} />
        </DataTable>
      )}
    </ReferenceManyField>
  );
};

/** A purged case shows "Purged on <date>" where its birth year and dates were. */
const CaseLayout = () => {
  const record = useRecordContext<Case>();
  const empty = usePurgedOrDash(record?.purgedAt);
  return (
    <>
      {record?.purgedAt && <PurgedBanner at={record.purgedAt} message="case_purged" />}
      <PendingTransferNotice />
      <SimpleShowLayout>
        <CodeField source="reference" />
        <ReferenceField source="unitId" reference="units" link={false} />
        <CaseStatusField source="status" />
        <IsoDateField source="programmeStart" emptyText={empty} />
        <IsoDateField source="consentRecordedOn" emptyText={empty} />
        <IsoDateField source="agreementSignedOn" emptyText={empty} />
        <TextField source="birthYear" emptyText={empty} />
        <DateTimeField source="updatedAt" />
        <ApplicationsOfCase label="app.cases.applications" />
        <CaseUnitHistory label="app.transfers.history" />
      </SimpleShowLayout>
    </>
  );
};

export const CaseShow = () => (
  <Show actions={<CaseActions />}>
    <CaseLayout />
  </Show>
);
