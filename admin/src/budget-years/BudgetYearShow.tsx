import { Alert, Box, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { EditButton, Show, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { useRole } from '../common/useRole';
import type { BudgetYear } from '../types';
import { BudgetYearStatusField } from './budgetYearStatus';
import { CloseYearButton } from './CloseYearButton';
import { YearPoolGauge } from './PoolGauge';
import { UnitUsageTable } from './UnitUsageTable';

const BudgetYearActions = () => {
  const record = useRecordContext<BudgetYear>();
  const { canAccess } = useCanAccess({ resource: 'budget-years', action: 'edit' });
  return (
    <TopToolbar>
      {canAccess && record?.status === 'open' && <EditButton />}
      <CloseYearButton />
    </TopToolbar>
  );
};

const BudgetYearPage = () => {
  const record = useRecordContext<BudgetYear>();
  const translate = useTranslate();
  const role = useRole();
  if (!record) return null;
  const unitWorker = role === 'unit_worker';
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Card variant="outlined">
        <CardContent>
          <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
            <Typography variant="h5" component="h2">
              {translate('app.budget_years.heading', { year: record.year })}
            </Typography>
            <BudgetYearStatusField />
            {record.closedAt && (
              <Typography variant="body2" color="text.secondary">
                {translate('app.budget_years.closed_at')} <DateTimeField source="closedAt" />
              </Typography>
            )}
          </Stack>
          <YearPoolGauge year={record} />
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardHeader
          title={translate(unitWorker ? 'app.budget_years.your_unit' : 'app.budget_years.per_unit')}
          subheader={translate('app.budget_years.allocation_hint')}
          slotProps={{ title: { variant: 'subtitle1' }, subheader: { variant: 'body2' } }}
        />
        <CardContent sx={{ pt: 0 }}>
          <UnitUsageTable />
        </CardContent>
      </Card>
      {record.status === 'closed' && (
        <Box>
          <Alert severity="info">{translate('app.budget_years.closed_hint')}</Alert>
        </Box>
      )}
    </Stack>
  );
};

export const BudgetYearShow = () => (
  <Show actions={<BudgetYearActions />} sx={{ '& .RaShow-card': { bgcolor: 'transparent', boxShadow: 'none' } }}>
    <BudgetYearPage />
  </Show>
);
