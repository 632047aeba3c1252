import { Alert, Box, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  BooleanField,
  Link,
  ReferenceField,
  useCanAccess,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CategoryField } from '../common/CategoryField';
import { CodeField } from '../common/CodeField';
import { DateTimeField } from '../common/DateTimeField';
import { MoneyField } from '../common/MoneyField';
import { useRole } from '../common/useRole';
import { formatIsoDate } from '../common/dates';
import { PurgedBanner, PurgedText } from '../common/Purged';
import type { Application } from '../types';
import { UrgentField } from './ApplicationFields';
import { ApplicationStatusField } from './applicationStatus';
import { LinesTable } from './LinesTable';
import { SecondApprovalBanner } from './SecondApprovalBanner';

const Item = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label)}
      </Typography>
      <Box sx={{ typography: 'body2', overflowWrap: 'anywhere' }}>{children}</Box>
    </Box>
  );
};

/** The case reference, linked for those who may open cases (finance and admin may not). */
const CaseLink = () => {
  const record = useRecordContext<Application>();
  const { canAccess } = useCanAccess({ resource: 'cases', action: 'show' });
  if (!record) return null;
  return canAccess ? (
    <Link to={`/cases/${record.caseId}/show`}>
      <CodeField source="caseReference" />
    </Link>
  ) : (
    <CodeField source="caseReference" />
  );
};

const SessionDates = () => {
  const record = useRecordContext<Application>();
  const [locale] = useLocaleState();
  const dates = record?.plannedSessionDates ?? [];
  if (dates.length === 0) return null;
  return <>{dates.map((date) => formatIsoDate(date, locale)).join(' · ')}</>;
};

/** What is applied for: reference, status, case, amounts, the unit's justification and the cost lines. */
export const ApplicationSummary = () => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const role = useRole();
  if (!record) return null;
  const f = (field: string) => `resources.applications.fields.${field}`;
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
            {record.reference}
          </Typography>
          <ApplicationStatusField />
          <UrgentField chip />
        </Stack>
        {record.purgedAt && <PurgedBanner at={record.purgedAt} message="application_purged" />}
        <SecondApprovalBanner />
        {record.status === 'info_requested' && role === 'unit_worker' && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('app.applications.info_requested_hint')}
          </Alert>
        )}
        <Box
          sx={{
            display: 'grid',
            // two columns on a phone (190 px each would leave one), as many as fit on a desktop
            gridTemplateColumns: { xs: 'repeat(2, minmax(0, 1fr))', sm: 'repeat(auto-fill, minmax(190px, 1fr))' },
            gap: 2,
            mb: 2,
          }}
        >
          <Item label={f('caseReference')}>
            <CaseLink />
          </Item>
          <Item label={f('unitId')}>
            <ReferenceField source="unitId" reference="units" link={false} />
          </Item>
          <Item label={f('categoryCode')}>
            <CategoryField source="categoryCode" />
          </Item>
          <Item label={f('amountRequested')}>
            <MoneyField source="amountRequested" />
          </Item>
          <Item label={f('amountApproved')}>
            <MoneyField source="amountApproved" emptyText="–" />
          </Item>
          <Item label={f('paidAmount')}>
            <MoneyField source="paidAmount" emptyText="–" />
          </Item>
          {record.budgetYearId && (
            <Item label={f('budgetYearId')}>
              <ReferenceField source="budgetYearId" reference="budget-years" link="show" />
            </Item>
          )}
          <Item label={f('ordinaryFundingConsidered')}>
            <BooleanField source="ordinaryFundingConsidered" />
          </Item>
          <Item label={f('guidelineVersion')}>
            {record.guidelineId ? (
              <Link to={`/guidelines/${record.guidelineId}/show`}>{record.guidelineVersion ?? '–'}</Link>
            ) : (
              '–'
            )}
          </Item>
          <Item label={f('submittedAt')}>{record.submittedAt ? <DateTimeField source="submittedAt" /> : '–'}</Item>
          <Item label={f('createdAt')}>
            <DateTimeField source="createdAt" />
          </Item>
        </Box>
        {record.justification !== undefined && (
          <Box sx={{ mb: 2 }}>
            <Typography variant="caption" color="text.secondary" component="div">
              {translate(f('justification'))}
            </Typography>
            {record.justification === null && record.purgedAt ? (
              <PurgedText at={record.purgedAt} />
            ) : (
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-testid="justification">
                {record.justification}
              </Typography>
            )}
          </Box>
        )}
        <LinesTable />
        {(record.plannedSessionDates?.length ?? 0) > 0 && (
          <Box sx={{ mt: 2 }}>
            <Item label={f('plannedSessionDates')}>
              <SessionDates />
            </Item>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
