import BoltIcon from '@mui/icons-material/Bolt';
import { Chip, Tooltip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Application } from '../types';

/** Marks an urgent application (an acute relocation, say): an icon in tables, a chip on the page. */
export const UrgentField = ({
  chip = false,
}: {
  chip?: boolean;
  label?: string;
  source?: string;
  sortable?: boolean;
}) => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  if (!record?.urgent) return null;
  const label = translate('resources.applications.fields.urgent');
  if (chip) return <Chip size="small" color="error" icon={<BoltIcon />} label={label} />;
  return (
    <Tooltip title={label}>
      <BoltIcon color="error" fontSize="small" aria-label={label} sx={{ verticalAlign: 'middle' }} />
    </Tooltip>
  );
};

const DAY = 24 * 60 * 60 * 1000;

/** Whole days since the application was (last) submitted. */
export const daysSince = (timestamp: string, now = Date.now()): number =>
  Math.max(0, Math.floor((now - Date.parse(timestamp)) / DAY));

/** "3 days" since submission; older than a week stands out. */
export const AgeField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  if (!record?.submittedAt) return null;
  const days = daysSince(record.submittedAt);
  return (
    <Typography
      component="span"
      variant="body2"
      sx={{ whiteSpace: 'nowrap', fontWeight: days > 7 ? 600 : undefined }}
      color={days > 14 ? 'error' : undefined}
    >
      {days === 0
        ? translate('app.applications.age_today')
        : translate('app.applications.age_days', { smart_count: days })}
    </Typography>
  );
};
