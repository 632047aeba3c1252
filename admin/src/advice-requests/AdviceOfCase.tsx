import AddCommentIcon from '@mui/icons-material/AddComment';
import { Typography } from '@mui/material';
import {
  Button,
  DataTable,
  LinkBase,
  Pagination,
  ReferenceManyField,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { usePhone } from '../common/usePhone';
import type { Case } from '../types';
import { AdvicePhoneList } from './AdviceRequestList';
import { AdviceStatusField, AskedAgoField, TopicField } from './adviceWords';

/** "Ask the contact point": a new advice request with this case chosen. */
export const AskContactPointButton = () => {
  const record = useRecordContext<Case>();
  const { canAccess } = useCanAccess({ resource: 'advice-requests', action: 'create' });
  // a purged case takes no new question
  if (!record || !canAccess || record.purgedAt) return null;
  return (
    <Button
      component={LinkBase}
      to={{
        pathname: '/advice-requests/create',
        search: `?source=${encodeURIComponent(JSON.stringify({ caseId: record.id }))}`,
      }}
      label="app.advice.ask"
    >
      <AddCommentIcon />
    </Button>
  );
};

/** The case's advice threads, newest first (SimpleShowLayout labels it from `label`). */
export const AdviceOfCase = (_props: { label: string }) => {
  const translate = useTranslate();
  const phone = usePhone();
  const { canAccess } = useCanAccess({ resource: 'advice-requests', action: 'list' });
  if (!canAccess) return null;
  return (
    <ReferenceManyField
      reference="advice-requests"
      target="caseId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={10}
      pagination={<Pagination rowsPerPageOptions={[10]} />}
      empty={
        <Typography variant="body2" color="text.secondary">
          {translate('app.advice.none_on_case')}
        </Typography>
      }
    >
      {phone ? (
        <AdvicePhoneList national={false} />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="reference" field={CodeField} />
          <DataTable.Col source="topic" field={TopicField} />
          <DataTable.Col source="status" field={AdviceStatusField} />
          <DataTable.Col source="messageCount" align="right" disableSort />
          <DataTable.Col source="createdAt" field={ShortDateTimeField} />
          <DataTable.Col source="ageDays" field={AskedAgoField} disableSort />
        </DataTable>
      )}
    </ReferenceManyField>
  );
};
