import { Divider, Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { GRANTED_STATUSES, OPEN_STATUSES } from '@app/workflow';
import { useRole } from '../common/useRole';
import type { Role } from '../types';
import { DECIDED_STATUSES } from './applicationStatus';

interface StatusTab {
  id: string;
  statuses?: readonly string[];
  /** the roles that get this tab; everybody when absent */
  roles?: readonly Role[];
}

const TABS: StatusTab[] = [
  { id: 'drafts', statuses: ['draft'], roles: ['unit_worker'] },
  { id: 'open', statuses: OPEN_STATUSES },
  // what finance pays out: grants, paid or not
  { id: 'granted', statuses: GRANTED_STATUSES, roles: ['finance', 'admin'] },
  { id: 'decided', statuses: DECIDED_STATUSES },
  { id: 'all' },
];

const asList = (value: unknown): string[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

const sameStatuses = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((status) => b.includes(status));

/** Tabs above the applications list (Drafts / Open / Decided / All); each sets the `status` filter. */
export const StatusTabs = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const translate = useTranslate();
  const role = useRole();
  const tabs = TABS.filter((tab) => !tab.roles || (role !== undefined && tab.roles.includes(role)));
  const current = asList(filterValues.status);
  const selected =
    tabs.find((tab) => (tab.statuses ? sameStatuses(tab.statuses, current) : current.length === 0))?.id ?? false;

  const choose = (id: string) => {
    const tab = tabs.find((t) => t.id === id);
    const { status: _status, ...others } = filterValues;
    setFilters(tab?.statuses ? { ...others, status: [...tab.statuses] } : others, displayedFilters);
  };

  return (
    <>
      {/* width 0 and at least the list's width: the tabs scroll inside the list instead of widening it on a phone */}
      <Tabs
        value={selected}
        onChange={(_event, id: string) => choose(id)}
        variant="scrollable"
        scrollButtons="auto"
        sx={{ width: 0, minWidth: '100%' }}
      >
        {tabs.map((tab) => (
          <Tab key={tab.id} value={tab.id} label={translate(`app.applications.tabs.${tab.id}`)} />
        ))}
      </Tabs>
      <Divider />
    </>
  );
};
