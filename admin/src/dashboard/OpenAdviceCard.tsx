import { List, ListItemButton, ListItemText } from '@mui/material';
import { RecordContextProvider, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { AskedAgoField, TopicField } from '../advice-requests/adviceWords';
import { UnitCodeField } from '../common/CodeField';
import { ChartState } from '../common/charts';
import { InlineField, InlineFields, ReferenceHeadline } from '../common/InlineFields';
import type { AdviceRequest } from '../types';
import { DashboardCard } from './DashboardCard';

const FILTER = { status: 'open' } as const;
// the longest waiting first
const SORT = { field: 'createdAt', order: 'ASC' } as const;

/**
 * The advice requests waiting for the contact point (asked, or followed up since the last answer),
 * oldest first, each with its unit, topic and how long since it was asked. One list for desktop and
 * phone: each item wraps its pairs as the width needs.
 */
export const OpenAdviceCard = ({ max = 8 }: { max?: number }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data, total, isPending, error } = useGetList<AdviceRequest>('advice-requests', {
    pagination: { page: 1, perPage: max },
    sort: SORT,
    filter: FILTER,
  });
  return (
    <DashboardCard
      title={translate('app.dashboard.advice.title')}
      subheader={total ? translate('app.dashboard.advice.subheader', { smart_count: total }) : undefined}
      link={{
        to: `/advice-requests?filter=${encodeURIComponent(JSON.stringify(FILTER))}&sort=createdAt&order=ASC`,
        label: translate('app.dashboard.advice.open'),
      }}
      testId="dashboard-open-advice"
    >
      <ChartState
        isPending={isPending}
        error={error}
        empty={!data?.length}
        emptyText="app.dashboard.advice.empty"
        height={120}
      >
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
                      <UnitCodeField />
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
