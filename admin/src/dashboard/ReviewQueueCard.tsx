import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { AgeField, UrgentField } from '../applications/ApplicationFields';
import { InlineField, InlineFields } from '../common/InlineFields';
import { ApplicationStatusField, QUEUE_FILTER } from '../applications/applicationStatus';
import { ChartState } from '../common/charts';
import { MoneyField } from '../common/MoneyField';
import { usePhone } from '../common/usePhone';
import type { Application } from '../types';
import { ApplicationItem, ApplicationItems } from './ApplicationItem';
import { ApplicationRow, numeric } from './ApplicationRow';
import { DashboardCard } from './DashboardCard';

const QueueTable = ({ data }: { data: Application[] }) => {
  const translate = useTranslate();
  const f = (field: string) => translate(`resources.applications.fields.${field}`);
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 24, pr: 0 }} />
          <TableCell>{f('reference')}</TableCell>
          <TableCell>{f('unitId')}</TableCell>
          <TableCell>{f('categoryCode')}</TableCell>
          <TableCell sx={numeric}>{f('amountRequested')}</TableCell>
          <TableCell>{f('status')}</TableCell>
          <TableCell sx={numeric}>{translate('app.applications.age')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.map((record) => (
          <ApplicationRow
            key={record.id}
            record={record}
            lead={
              <TableCell sx={{ pr: 0 }}>
                <UrgentField />
              </TableCell>
            }
          >
            <TableCell sx={numeric}>
              <MoneyField source="amountRequested" />
            </TableCell>
            <TableCell>
              <ApplicationStatusField />
            </TableCell>
            <TableCell sx={numeric}>
              <AgeField />
            </TableCell>
          </ApplicationRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** On a phone the same rows as items: urgent mark, reference and status, then unit and category, amount and age. */
const QueueItems = ({ data }: { data: Application[] }) => (
  <ApplicationItems>
    {data.map((record) => (
      <ApplicationItem key={record.id} record={record} lead={<UrgentField />} aside={<ApplicationStatusField />}>
        <InlineFields>
          <InlineField label="resources.applications.fields.amountRequested">
            <MoneyField source="amountRequested" />
          </InlineField>
          <InlineField label="app.applications.age">
            <AgeField />
          </InlineField>
        </InlineFields>
      </ApplicationItem>
    ))}
  </ApplicationItems>
);

/** The top of the contact point's review queue: urgent first, then the longest waiting (the API's `queue` sort). */
export const ReviewQueueCard = ({ max = 10 }: { max?: number }) => {
  const translate = useTranslate();
  const phone = usePhone();
  const { data, total, isPending, error } = useGetList<Application>('applications', {
    pagination: { page: 1, perPage: max },
    sort: { field: 'queue', order: 'ASC' },
    filter: QUEUE_FILTER,
  });
  return (
    <DashboardCard
      title={translate('app.dashboard.queue.title')}
      subheader={total ? translate('app.dashboard.queue.subheader', { smart_count: total }) : undefined}
      link={{ to: '/review-queue', label: translate('app.dashboard.queue.open') }}
      wide
      testId="dashboard-review-queue"
    >
      <ChartState
        isPending={isPending}
        error={error}
        empty={!data?.length}
        emptyText="app.dashboard.queue.empty"
        height={160}
      >
        {data && (phone ? <QueueItems data={data} /> : <QueueTable data={data} />)}
      </ChartState>
    </DashboardCard>
  );
};
