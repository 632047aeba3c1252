import { Divider, Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

/** Tabs above the notifications (All / Unread); Unread sets the `unread` filter, All removes it. */
export const ReadTabs = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const selected = filterValues.unread === true ? 'unread' : 'all';
  const choose = (id: string) => {
    const { unread: _unread, ...others } = filterValues;
    setFilters(id === 'unread' ? { ...others, unread: true } : others, displayedFilters);
  };
  return (
    <>
      <Tabs value={selected} onChange={(_event, id: string) => choose(id)} sx={{ width: 0, minWidth: '100%' }}>
        <Tab value="all" label={translate('app.notifications.all')} />
        <Tab value="unread" label={translate('app.notifications.unread_tab')} />
      </Tabs>
      <Divider />
    </>
  );
};
