import { ADVICE_STATUSES, ADVICE_TOPICS } from '@app/contract';
import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { StatusChip, type ChipColor } from '../common/StatusChip';
import type { AdviceRequest, AdviceStatus } from '../types';

const colors: Record<AdviceStatus, ChipColor> = { open: 'warning', answered: 'info', closed: 'default' };

export const AdviceStatusField = (_props: { label?: string; source?: string; sortable?: boolean }) => (
  <StatusChip source="status" prefix="app.advice.status" colors={colors} filled={['open']} />
);

export const TopicField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<AdviceRequest>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography component="span" variant="body2">
      {translate(`app.advice.topics.${record.topic}`, { _: record.topic })}
    </Typography>
  );
};

/** "3 days" since it was asked; a week stands out, two weeks in red, while it waits for the contact point. */
export const AskedAgoField = (_props: { label?: string; source?: string; sortable?: boolean }) => {
  const record = useRecordContext<AdviceRequest>();
  const translate = useTranslate();
  if (!record) return null;
  const days = record.ageDays;
  const waiting = record.status === 'open';
  return (
    <Typography
      component="span"
      variant="body2"
      sx={{ whiteSpace: 'nowrap', fontWeight: waiting && days > 7 ? 600 : undefined }}
      color={waiting && days > 14 ? 'error' : undefined}
    >
      {days === 0
        ? translate('app.applications.age_today')
        : translate('app.applications.age_days', { smart_count: days })}
    </Typography>
  );
};

export const useTopicChoices = () => {
  const translate = useTranslate();
  return ADVICE_TOPICS.map((id) => ({ id, name: translate(`app.advice.topics.${id}`) }));
};

export const useAdviceStatusChoices = () => {
  const translate = useTranslate();
  return ADVICE_STATUSES.map((id) => ({ id, name: translate(`app.advice.status.${id}`) }));
};
