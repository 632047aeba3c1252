import type { MouseEvent } from 'react';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link, RecordContextProvider, ReferenceField, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { AgeField, UrgentField } from '../applications/ApplicationFields';
import { ApplicationStatusField, QUEUE_STATUSES } from '../applications/applicationStatus';
import { CategoryField } from '../common/CategoryField';
import { ChartState } from '../common/charts';
import { CodeField } from '../common/CodeField';
import { MoneyField } from '../common/MoneyField';
import type { Application } from '../types';
import { DashboardCard } from './DashboardCard';

const numeric = { textAlign: 'right', whiteSpace: 'nowrap' } as const;

/** The top of the contact point's review queue: urgent first, then the longest waiting (the API's `queue` sort). */
export const ReviewQueueCard = ({ max = 10 }: { max?: number }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const navigate = useNavigate();
  const { data, total, isPending, error } = useGetList<Application>('applications', {
    pagination: { page: 1, perPage: max },
    sort: { field: 'queue', order: 'ASC' },
    filter: { status: QUEUE_STATUSES },
  });
  const f = (field: string) => translate(`resources.applications.fields.${field}`);
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
            {data?.map((record) => {
              const path = createPath({ resource: 'applications', id: record.id, type: 'show' });
              return (
                <RecordContextProvider key={record.id} value={record}>
                  <TableRow hover onClick={() => navigate(path)} sx={{ cursor: 'pointer' }}>
                    <TableCell sx={{ pr: 0 }}>
                      <UrgentField />
                    </TableCell>
                    <TableCell>
                      <Link
                        to={path}
                        variant="body2"
                        onClick={(event: MouseEvent) => event.stopPropagation()}
                        sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
                      >
                        {record.reference}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <ReferenceField source="unitId" reference="units" link={false}>
                        <CodeField source="code" />
                      </ReferenceField>
                    </TableCell>
                    <TableCell>
                      <CategoryField source="categoryCode" />
                    </TableCell>
                    <TableCell sx={numeric}>
                      <MoneyField source="amountRequested" />
                    </TableCell>
                    <TableCell>
                      <ApplicationStatusField />
                    </TableCell>
                    <TableCell sx={numeric}>
                      <AgeField />
                    </TableCell>
                  </TableRow>
                </RecordContextProvider>
              );
            })}
          </TableBody>
        </Table>
      </ChartState>
    </DashboardCard>
  );
};
