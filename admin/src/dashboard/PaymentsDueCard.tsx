import type { MouseEvent } from 'react';
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link, RecordContextProvider, ReferenceField, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { UnpaidField } from '../applications/UnpaidField';
import { CategoryField } from '../common/CategoryField';
import { ChartState } from '../common/charts';
import { CodeField } from '../common/CodeField';
import { ShortDateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import type { Application } from '../types';
import { DashboardCard } from './DashboardCard';

const numeric = { textAlign: 'right', whiteSpace: 'nowrap' } as const;
const DUE = { status: ['approved', 'partially_approved'], unpaid: true };

/** Finance's work: grants with money still to pay, the longest-waiting decision first (as Payments due). */
export const PaymentsDueCard = ({ max = 10 }: { max?: number }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const navigate = useNavigate();
  const { data, total, isPending, error } = useGetList<Application>('applications', {
    pagination: { page: 1, perPage: max },
    sort: { field: 'decidedAt', order: 'ASC' },
    filter: DUE,
  });
  const f = (field: string) => translate(`resources.applications.fields.${field}`);
  return (
    <DashboardCard
      title={translate('app.dashboard.payments_due.title')}
      subheader={total ? translate('app.dashboard.payments_due.subheader', { smart_count: total }) : undefined}
      link={{ to: '/payments-due', label: translate('app.dashboard.payments_due.open') }}
      wide
      testId="dashboard-payments-due"
    >
      <ChartState
        isPending={isPending}
        error={error}
        empty={!data?.length}
        emptyText="app.dashboard.payments_due.empty"
        height={160}
      >
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{f('reference')}</TableCell>
              <TableCell>{f('unitId')}</TableCell>
              <TableCell>{f('categoryCode')}</TableCell>
              <TableCell sx={numeric}>{f('amountApproved')}</TableCell>
              <TableCell sx={numeric}>{f('paidAmount')}</TableCell>
              <TableCell sx={numeric}>{f('unpaidAmount')}</TableCell>
              <TableCell>{f('decidedAt')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data?.map((record) => {
              const path = createPath({ resource: 'applications', id: record.id, type: 'show' });
              return (
                <RecordContextProvider key={record.id} value={record}>
                  <TableRow hover onClick={() => navigate(path)} sx={{ cursor: 'pointer' }}>
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
                      <MoneyField source="amountApproved" />
                    </TableCell>
                    <TableCell sx={numeric}>
                      <MoneyField source="paidAmount" />
                    </TableCell>
                    <TableCell sx={numeric}>
                      <UnpaidField />
                    </TableCell>
                    <TableCell>
                      <ShortDateTimeField source="decidedAt" />
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
