import { List, ListItemButton, ListItemText } from '@mui/material';
import { RecordContextProvider, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { AskedAgoField, TopicField } from '../advice-requests/adviceWords';
import { UnitCodeField } from '../common/CodeField';
import { ChartState } from '../common/charts';
import { InlineField, InlineFields, ReferenceHeadline } from '../common/InlineFields';
import type { AdviceRequest } from '../types';
import { DashboardCard } from './DashboardCard';

// the longest waiting first
const SORT = { field: 'createdAt', order: 'ASC' } as const;

/**
 * Advice requests in one status, the longest waiting first, each with its unit (for the contact
 * point), topic and how long since it was asked. One list for desktop and phone: each item wraps
 * its pairs as the width needs. Its words are the keys under `keys`: title, subheader, empty, open.
 */
export const AdviceCard = ({
  status,
  keys,
  national,
  testId,
  max = 8,
}: {
  status: 'open' | 'answered';
  keys: string;
  national: boolean;
  testId: string;
  max?: number;
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const filter = { status };
  const { data, total, isPending, error } = useGetList<AdviceRequest>('advice-requests', {
    pagination: { page: 1, perPage: max },
    sort: SORT,
    filter,
  });
  return (
    <DashboardCard
      title={translate(`${keys}.title`)}
      subheader={total ? translate(`${keys}.subheader`, { smart_count: total }) : undefined}
      link={{
        to: `/advice-requests?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=createdAt&order=ASC`,
        label: translate(`${keys}.open`),
      }}
      testId={testId}
    >
      <ChartState isPending={isPending} error={error} empty={!data?.length} emptyText={`${keys}.empty`} height={120}>
        <List dense disablePadding>
          {data?.map((record) => (
            <RecordContextProvider key={record.id} value={record}>
              <ListItemButton
                component={Link}
                to={createPath({ resource: 'advice-requests', id: record.id, type: 'show' })}
                divider
                sx={{ px: 0 }}
              >
                <ListItemText
                  primary={<ReferenceHeadline aside={<AskedAgoField />} />}
                  secondary={
                    <InlineFields>
                      {national && <UnitCodeField />}
                      <TopicField />
                      <InlineField label="resources.advice-requests.fields.messageCount">
                        {record.messageCount}
                      </InlineField>
                    </InlineFields>
                  }
                />
              </ListItemButton>
            </RecordContextProvider>
          ))}
        </List>
      </ChartState>
    </DashboardCard>
  );
};

/** The contact point's: what waits for an answer (asked, or followed up since the last answer). */
export const OpenAdviceCard = () => (
  <AdviceCard status="open" keys="app.dashboard.advice" national testId="dashboard-open-advice" />
);

/** The unit's: answers from the contact point to follow up on or close. */
export const AnsweredAdviceCard = () => (
  <AdviceCard
    status="answered"
    keys="app.dashboard.advice_answered"
    national={false}
    testId="dashboard-answered-advice"
  />
);
