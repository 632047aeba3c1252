import AddIcon from '@mui/icons-material/Add';
import { Stack, Typography } from '@mui/material';
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
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AdviceOfCase, AskContactPointButton } from '../advice-requests/AdviceOfCase';
import { CaseAdmission } from '../admission-reviews/CaseAdmission';
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
import { PartyChips } from '../common/parties';
import { formatIsoDate } from '../common/dates';
import type { Case } from '../types';
import { CaseStatusField } from './caseStatus';
import { WithdrawConsentButton } from './WithdrawConsentButton';

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
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <NewApplicationButton />
    <WithdrawConsentButton />
    <AskContactPointButton />
    <TransferCaseButton />
    <EditButton />
  </TopToolbar>
);

/** The consent as recorded, and who may see the case because of it. SimpleShowLayout labels it from `label`. */
const ConsentField = (_props: { label: string }) => {
  const record = useRecordContext<Case>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const formatDate = (date: string) => formatIsoDate(date, locale);
  const { consent } = record;
  return (
    <Stack spacing={1}>
      {consent ? (
        <>
          <PartyChips parties={consent.parties} />
          <Typography variant="body2">
            {translate('app.cases.consent_given', { date: formatDate(consent.givenOn) })}
            {consent.withdrawnOn &&
              ` · ${translate('app.cases.consent_withdrawn_on', { date: formatDate(consent.withdrawnOn) })}`}
          </Typography>
        </>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.cases.no_consent')}
        </Typography>
      )}
    </Stack>
  );
};

/** Who may see the case now: the parties of its unit the consent covers, and the contact point. */
const AccessField = (_props: { label: string }) => {
  const record = useRecordContext<Case>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={1}>
      {record.accessParties.length ? (
        <PartyChips parties={record.accessParties} />
      ) : (
        <Typography variant="body2">{translate('app.cases.access_none')}</Typography>
      )}
      <Typography variant="body2" color="text.secondary">
        {translate(record.consent ? 'app.cases.access_hint' : 'app.cases.access_hint_no_consent')}
      </Typography>
    </Stack>
  );
};

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
        <ConsentField label="app.cases.consent" />
        <AccessField label="app.cases.access" />
        <IsoDateField source="agreementSignedOn" emptyText={empty} />
        <TextField source="birthYear" emptyText={empty} />
        <DateTimeField source="updatedAt" />
        <ApplicationsOfCase label="app.cases.applications" />
        <AdviceOfCase label="app.advice.of_case" />
        <CaseAdmission label="app.admission.title" />
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
