import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Card, CardContent, CardHeader, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, Link, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { EDITABLE_STATUSES, OPEN_STATUSES } from '@app/workflow';
import { useRole } from '../common/useRole';
import { useExitPoolDataProvider } from '../dataProvider';
import type { Application, Finding } from '../types';
import { FindingsList } from './FindingsList';

/** Who gains from a fresh check: the unit while writing, the contact point while deciding. */
const mayCheck = (record: Application, role: string | undefined) =>
  (role === 'unit_worker' && EDITABLE_STATUSES.includes(record.status)) ||
  (role === 'contact_point' && OPEN_STATUSES.includes(record.status));

/**
 * The guideline findings: those kept with the application since it was
 * submitted, or a fresh check ("Check against guidelines") that changes nothing.
 */
export const FindingsPanel = () => {
  const record = useRecordContext<Application>();
  const role = useRole();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useExitPoolDataProvider();
  const [checked, setChecked] = useState<{ id: string; findings: Finding[] } | null>(null);
  const [checking, setChecking] = useState(false);
  if (!record) return null;

  const fresh = checked?.id === record.id ? checked.findings : null;
  const check = async () => {
    setChecking(true);
    try {
      const { data } = await dataProvider.checkApplication(String(record.id));
      setChecked({ id: String(record.id), findings: data });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setChecking(false);
    }
  };

  const neverChecked = !fresh && record.status === 'draft' && (record.findings ?? []).length === 0;
  return (
    <Card variant="outlined">
      <CardHeader
        title={translate('app.findings.title')}
        slotProps={{ title: { variant: 'subtitle1' } }}
        action={
          mayCheck(record, role) ? (
            <Button label="app.findings.check" onClick={check} disabled={checking} variant="outlined">
              <FactCheckIcon />
            </Button>
          ) : undefined
        }
      />
      <CardContent sx={{ pt: 0 }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {fresh ? (
            translate('app.findings.checked_now')
          ) : record.guidelineVersion ? (
            <>
              {translate('app.findings.kept_with')}{' '}
              {record.guidelineId ? (
                <Link to={`/guidelines/${record.guidelineId}/show`}>{record.guidelineVersion}</Link>
              ) : (
                record.guidelineVersion
              )}
            </>
          ) : (
            translate('app.findings.not_checked_yet')
          )}
        </Typography>
        {!neverChecked && <FindingsList findings={fresh ?? record.findings ?? []} />}
      </CardContent>
    </Card>
  );
};
