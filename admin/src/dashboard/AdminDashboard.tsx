import CategoryIcon from '@mui/icons-material/Category';
import PeopleIcon from '@mui/icons-material/People';
import UnitIcon from '@mui/icons-material/Groups';
import { Box, Button, Card, CardActions, CardContent, Skeleton, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { DashboardGrid } from './DashboardCard';

/** How many records a resource holds, from the Content-Range of a one-record page. */
const Count = ({
  resource,
  sortField,
  label,
  icon,
}: {
  resource: string;
  sortField: string;
  label: string;
  icon: ReactNode;
}) => {
  const translate = useTranslate();
  const { total, isPending } = useGetList(resource, {
    pagination: { page: 1, perPage: 1 },
    sort: { field: sortField, order: 'ASC' },
  });
  const { total: active } = useGetList(resource, {
    pagination: { page: 1, perPage: 1 },
    sort: { field: sortField, order: 'ASC' },
    filter: { active: true },
  });
  return (
    <Card variant="outlined" data-testid={`dashboard-count-${resource}`}>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Box sx={{ color: 'primary.main', display: 'flex' }}>{icon}</Box>
          <Box>
            <Typography variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography variant="h4" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {isPending ? <Skeleton width={48} /> : (total ?? '–')}
            </Typography>
            {active !== undefined && total !== undefined && (
              <Typography variant="caption" color="text.secondary">
                {translate('app.dashboard.counts.active', { count: active })}
              </Typography>
            )}
          </Box>
        </Stack>
      </CardContent>
      <CardActions>
        <Button component={Link} to={`/${resource}`} size="small">
          {translate('app.dashboard.counts.manage')}
        </Button>
      </CardActions>
    </Card>
  );
};

/** The administrator's home: users, exit units and categories, with a way to each. */
export const AdminDashboard = () => {
  const translate = useTranslate();
  return (
    <DashboardGrid>
      <Box
        sx={{
          gridColumn: '1 / -1',
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, minmax(0, 1fr))' },
          maxWidth: 960,
        }}
      >
        <Count
          resource="users"
          sortField="email"
          label={translate('resources.users.name', { smart_count: 2 })}
          icon={<PeopleIcon fontSize="large" />}
        />
        <Count
          resource="units"
          sortField="code"
          label={translate('resources.units.name', { smart_count: 2 })}
          icon={<UnitIcon fontSize="large" />}
        />
        <Count
          resource="categories"
          sortField="code"
          label={translate('resources.categories.name', { smart_count: 2 })}
          icon={<CategoryIcon fontSize="large" />}
        />
      </Box>
    </DashboardGrid>
  );
};
