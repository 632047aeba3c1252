import { Box, Button, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { RecordContextProvider, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { daysSince, UrgentField } from '../applications/ApplicationFields';
import { useCategoryName } from '../common/categories';
import { MoneyField } from '../common/MoneyField';
import type { Application } from '../types';
import { applicationsLink } from './StatusChart';

interface ApplicationLinksProps {
  title: string;
  statuses: string[];
  emptyText: string;
  /** the longest waiting first (information requests), or the latest first (drafts) */
  order: 'ASC' | 'DESC';
  max?: number;
}

/** A short list of applications in some statuses, each a link to its page, and a link to all of them. */
export const ApplicationLinks = ({ title, statuses, emptyText, order, max = 5 }: ApplicationLinksProps) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const categoryName = useCategoryName();
  const { data, total, isPending, error } = useGetList<Application>('applications', {
    pagination: { page: 1, perPage: max },
    sort: { field: 'updatedAt', order },
    filter: { status: statuses },
  });
  const age = (record: Application) => {
    const days = daysSince(record.updatedAt);
    return days === 0
      ? translate('app.applications.age_today')
      : translate('app.applications.age_days', { smart_count: days });
  };
  return (
    <Box>
      <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}>
        <Typography variant="subtitle2" component="h3">
          {title}
          {total ? ` (${total})` : ''}
        </Typography>
        {!!total && total > max && (
          <Button component={Link} to={applicationsLink(statuses)} size="small">
            {translate('app.dashboard.show_all', { count: total })}
          </Button>
        )}
      </Stack>
      {isPending ? null : error ? (
        <Typography variant="body2" color="error">
          {translate('ra.notification.http_error')}
        </Typography>
      ) : !data?.length ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
          {translate(emptyText)}
        </Typography>
      ) : (
        <List dense disablePadding>
          {data.map((record) => (
            <RecordContextProvider key={record.id} value={record}>
              <ListItemButton
                component={Link}
                to={createPath({ resource: 'applications', id: record.id, type: 'show' })}
                sx={{ px: 1, borderRadius: 1 }}
              >
                <ListItemText
                  primary={
                    <Stack direction="row" spacing={1} component="span" sx={{ alignItems: 'center' }}>
                      <UrgentField />
                      <Box component="span" sx={{ fontFamily: 'monospace' }}>
                        {record.reference}
                      </Box>
                      <Box component="span" sx={{ color: 'text.secondary' }}>
                        {categoryName(record.categoryCode)}
                      </Box>
                    </Stack>
                  }
                  secondary={translate('app.dashboard.changed', { age: age(record) })}
                />
                <MoneyField source="amountRequested" />
              </ListItemButton>
            </RecordContextProvider>
          ))}
        </List>
      )}
    </Box>
  );
};
