import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { UnpaidField } from '../applications/UnpaidField';
import { ChartState } from '../common/charts';
import { ShortDateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import type { Application } from '../types';
import { ApplicationRow, numeric } from './ApplicationRow';
import { DashboardCard } from './DashboardCard';

const DUE = { status: ['approved', 'partially_approved'], unpaid: true };

/** Finance's work: grants with money still to pay, the longest-waiting decision first (as Payments due). */
export const PaymentsDueCard = ({ max = 10 }: { max?: number }) => {
  const translate = useTranslate();
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
            {data?.map((record) => (
              <ApplicationRow key={record.id} record={record}>
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
              </ApplicationRow>
            ))}
          </TableBody>
        </Table>
      </ChartState>
    </DashboardCard>
  );
};
