import { List as MuiList, ListItemButton, ListItemText, Typography } from '@mui/material';
import { RecordContextProvider, useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { DashboardCard } from '../dashboard/DashboardCard';
import type { AdmissionReview } from '../types';
import { AdmissionReviewStatusField } from './admissionReviewStatus';

export const OPEN_REVIEW_FILTER = { status: ['requested', 'in_review', 'info_requested'] };

/** The contact point's open admission reviews on the dashboard, the longest waiting first. */
export const OpenReviewsCard = ({ max = 5 }: { max?: number }) => {
  const translate = useTranslate();
  const { data, total } = useGetList<AdmissionReview>('admission-reviews', {
    filter: OPEN_REVIEW_FILTER,
    sort: { field: 'requestedOn', order: 'ASC' },
    pagination: { page: 1, perPage: max },
  });
  return (
    <DashboardCard
      title={translate('resources.admission-reviews.name', { smart_count: 2 })}
      subheader={translate('app.admission_reviews.open_count', { smart_count: total ?? 0 })}
      link={{
        to: `/admission-reviews?filter=${encodeURIComponent(JSON.stringify(OPEN_REVIEW_FILTER))}`,
        label: translate('app.dashboard.show_all', { count: total ?? 0 }),
      }}
      testId="dashboard-admission-reviews"
    >
      {data?.length ? (
        <MuiList dense disablePadding>
          {data.map((review) => (
            <RecordContextProvider key={review.id} value={review}>
              <ListItemButton component={Link} to={`/admission-reviews/${review.id}/show`}>
                <ListItemText
                  primary={review.caseReference}
                  secondary={`${translate('resources.admission-reviews.fields.requestedOn')}: ${review.requestedOn}`}
                />
                <AdmissionReviewStatusField />
              </ListItemButton>
            </RecordContextProvider>
          ))}
        </MuiList>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.admission_reviews.none_open')}
        </Typography>
      )}
    </DashboardCard>
  );
};
