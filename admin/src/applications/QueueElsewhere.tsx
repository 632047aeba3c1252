import {
  Card,
  CardContent,
  CardHeader,
  List as MuiList,
  ListItemButton,
  ListItemText,
  Typography,
} from '@mui/material';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { useFormatMoney } from '../common/money';
import type { Application } from '../types';

/** A short list of open applications that do not wait for this contact point, kept apart from the queue. */
const WaitingElsewhere = ({ title, filter, testId }: { title: string; filter: object; testId: string }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const format = useFormatMoney();
  const { data, total } = useGetList<Application>('applications', {
    filter,
    sort: { field: 'queue', order: 'ASC' },
    pagination: { page: 1, perPage: 25 },
  });
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardHeader
        title={`${translate(title)}${total ? ` (${total})` : ''}`}
        slotProps={{ title: { variant: 'subtitle1' } }}
      />
      <CardContent sx={{ pt: 0 }}>
        {!data?.length ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.review_queue.none')}
          </Typography>
        ) : (
          <MuiList dense disablePadding>
            {data.map((a) => (
              <ListItemButton
                key={a.id}
                component={Link}
                to={createPath({ resource: 'applications', id: a.id, type: 'show' })}
              >
                <ListItemText primary={a.reference} secondary={format(a.amountRequested)} />
              </ListItemButton>
            ))}
          </MuiList>
        )}
      </CardContent>
    </Card>
  );
};

/** What is open but waits for someone else: the unit's answer, or a colleague's second approval. */
export const QueueElsewhere = () => (
  <>
    <WaitingElsewhere
      title="app.review_queue.waiting_for_unit"
      filter={{ status: 'info_requested' }}
      testId="queue-waiting-for-unit"
    />
    <WaitingElsewhere
      title="app.review_queue.waiting_for_colleague"
      filter={{ approvedByMe: true }}
      testId="queue-waiting-for-colleague"
    />
  </>
);
