import { DataTable, FilterButton, List, SelectInput, SimpleList, TopToolbar } from 'react-admin';
import { ShortDateTimeField } from '../common/DateTimeField';
import { usePhone } from '../common/usePhone';
import { NOTIFICATION_EVENTS, type Notification } from '../types';
import { MarkAllReadButton } from './MarkAllReadButton';
import { NotificationHeadline, UnreadMark } from './NotificationFields';
import { ReadTabs } from './ReadTabs';
import { useOpenNotification } from './useMarkRead';

const filters = [
  <SelectInput
    key="event"
    source="event"
    choices={NOTIFICATION_EVENTS.map((event) => ({ id: event, name: `app.notifications.events.${event}` }))}
  />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <MarkAllReadButton />
  </TopToolbar>
);

// unread ones on a tinted background, beside their dot and bold sentence
const unreadSx = (record: Notification) => (record.readAt ? {} : { bgcolor: 'action.hover' });

/**
 * The user's own notifications: by time, newest first, where the API puts the unread ones first
 * (its `createdAt` sort; ascending is the exact reverse). Opening one marks it read and goes to
 * its record. Nothing to create, edit or delete.
 */
export const NotificationList = () => {
  const phone = usePhone();
  const open = useOpenNotification();
  const rowClick = (_id: unknown, _resource: unknown, record: unknown) => open(record as Notification);
  return (
    <List
      filters={filters}
      actions={<Actions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
    >
      <ReadTabs />
      {phone ? (
        <SimpleList<Notification>
          primaryText={<NotificationHeadline link={false} />}
          secondaryText={<ShortDateTimeField source="createdAt" />}
          rowClick={rowClick}
          rowSx={unreadSx}
        />
      ) : (
        <DataTable rowClick={rowClick} rowSx={unreadSx} bulkActionButtons={false}>
          <DataTable.Col source="readAt" label="" disableSort sx={{ width: 10, pr: 0 }}>
            <UnreadMark />
          </DataTable.Col>
          <DataTable.Col source="event" disableSort>
            <NotificationHeadline mark={false} />
          </DataTable.Col>
          <DataTable.Col source="createdAt" field={ShortDateTimeField} />
        </DataTable>
      )}
    </List>
  );
};
