import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { InlineField, InlineFields } from '../common/InlineFields';
import { UnpaidField } from '../applications/UnpaidField';
import { ChartState } from '../common/charts';
import { ShortDateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { usePhone } from '../common/usePhone';
import type { Application } from '../types';
import { ApplicationItem, ApplicationItems } from './ApplicationItem';
import { ApplicationRow, numeric } from './ApplicationRow';
import { DashboardCard } from './DashboardCard';

const DUE = { status: ['approved', 'partially_approved'], unpaid: true };
const field = (name: string) => `resources.applications.fields.${name}`;

const DueTable = ({ data }: { data: Application[] }) => {
  const translate = useTranslate();
  const f = (name: string) => translate(field(name));
  return (
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
        {data.map((record) => (
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
  );
};

/** On a phone the same rows as items: reference and what is unpaid, then unit and category, the grant, what is paid, the decision. */
const DueItems = ({ data }: { data: Application[] }) => (
  <ApplicationItems>
    {data.map((record) => (
      <ApplicationItem key={record.id} record={record} aside={<UnpaidField />}>
        <InlineFields>
          <InlineField label={field('amountApproved')}>
            <MoneyField source="amountApproved" />
          </InlineField>
          <InlineField label={field('paidAmount')}>
            <MoneyField source="paidAmount" />
          </InlineField>
        </InlineFields>
        <InlineFields>
          <InlineField label={field('decidedAt')}>
            <ShortDateTimeField source="decidedAt" />
          </InlineField>
        </InlineFields>
      </ApplicationItem>
    ))}
  </ApplicationItems>
);

/** Finance's work: grants with money still to pay, the longest-waiting decision first (as Payments due). */
export const PaymentsDueCard = ({ max = 10 }: { max?: number }) => {
  const translate = useTranslate();
  const phone = usePhone();
  const { data, total, isPending, error } = useGetList<Application>('applications', {
    pagination: { page: 1, perPage: max },
    sort: { field: 'decidedAt', order: 'ASC' },
    filter: DUE,
  });
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
        {data && (phone ? <DueItems data={data} /> : <DueTable data={data} />)}
      </ChartState>
    </DashboardCard>
  );
};
