import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResourceContextProvider } from 'react-admin';
import { dataProvider } from '../dataProvider';
import { NotificationList } from '../notifications/NotificationList';
import { POLL_INTERVAL_MS } from '../notifications/useUnreadCount';
import { session } from '../session';
import { callsTo, listAnswer, serve, SIGNED_IN_USER } from '../testing/fetchStub';
import { notification } from '../testing/records';
import { TestAdmin, type Locale } from '../testing/TestAdmin';
import { NotificationsButton } from './NotificationsButton';

const COUNT = 'GET /api/notifications/unread-count';

const renderBell = (locale: Locale) =>
  render(
    <TestAdmin locale={locale} dataProvider={dataProvider}>
      <NotificationsButton />
    </TestAdmin>,
  );

const unread = notification();
const urgentRead = notification({
  id: 'n0a1b2c3-d4e5-4f60-8172-839405162702',
  event: 'application_submitted',
  reference: 'FYN-2026-003-A2',
  urgent: true,
  recordId: 'a1b2c3d4-0000-4f7e-8a43-6d0e1f2a3b4c',
  readAt: '2026-12-03T11:00:00.000Z',
});

beforeEach(() => {
  session.save('token-of-kbh', SIGNED_IN_USER);
  window.location.hash = '#/';
});

describe('NotificationsButton', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the unread count and asks for it again every 30 seconds', async () => {
    // only the intervals are faked: Testing Library's waiting runs on real timeouts
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const counts = [2, 2, 5];
    const fetchStub = serve({ [COUNT]: () => ({ status: 200, body: { count: counts.shift() ?? 5 } }) });
    renderBell('en');

    const bell = await screen.findByRole('button', { name: 'Notifications: 2 unread' });
    expect(within(bell).getByText('2')).toBeInTheDocument();
    expect(callsTo(fetchStub, COUNT)).toHaveLength(1);

    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS - 1000));
    expect(callsTo(fetchStub, COUNT)).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await vi.waitFor(() => expect(callsTo(fetchStub, COUNT)).toHaveLength(2));
    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    expect(await screen.findByRole('button', { name: 'Notifications: 5 unread' })).toBeInTheDocument();
    expect(callsTo(fetchStub, COUNT)).toHaveLength(3);
    expect(POLL_INTERVAL_MS).toBe(30_000);
  });

  it('reads an open list of notifications again when a poll finds a new one', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let count = 1;
    serve({
      [COUNT]: () => ({ status: 200, body: { count } }),
      'GET /api/notifications': () =>
        count === 1 ? listAnswer('notifications', [urgentRead]) : listAnswer('notifications', [unread, urgentRead]),
    });
    render(
      <TestAdmin locale="en" dataProvider={dataProvider}>
        <NotificationsButton />
        <ResourceContextProvider value="notifications">
          <NotificationList />
        </ResourceContextProvider>
      </TestAdmin>,
    );
    expect(await screen.findByText('FYN-2026-003-A2: application submitted')).toBeInTheDocument();
    expect(screen.queryByText('KBH-2026-014-A1: information requested')).not.toBeInTheDocument();

    count = 2;
    await act(() => vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS));
    expect(await screen.findByRole('button', { name: 'Notifications: 2 unread' })).toBeInTheDocument();
    expect(await screen.findByText('KBH-2026-014-A1: information requested')).toBeInTheDocument();
  });

  it('shows no count when nothing is unread, in Danish', async () => {
    serve({ [COUNT]: { status: 200, body: { count: 0 } } });
    renderBell('da');
    const bell = await screen.findByRole('button', { name: 'Notifikationer' });
    await vi.waitFor(() => expect(bell.querySelector('.MuiBadge-invisible')).not.toBeNull());
  });

  it('opens on the latest, with a link to them all; opening one marks it read and counts again', async () => {
    const user = userEvent.setup({ delay: null });
    let count = 1;
    const fetchStub = serve({
      [COUNT]: () => ({ status: 200, body: { count } }),
      'GET /api/notifications': listAnswer('notifications', [unread, urgentRead], 9),
      [`POST /api/notifications/${unread.id}/read`]: () => {
        count = 0;
        return { status: 200, body: { ...unread, readAt: '2026-12-03T12:00:00.000Z' } };
      },
    });
    renderBell('da');
    await user.click(await screen.findByRole('button', { name: 'Notifikationer: 1 ulæst' }));

    const latest = within(await screen.findByRole('list', { name: 'Seneste notifikationer' }));
    expect(await latest.findByText('KBH-2026-014-A1: oplysninger efterspurgt')).toBeInTheDocument();
    expect(latest.getByText('FYN-2026-003-A2: ansøgning indsendt')).toBeInTheDocument();
    expect(latest.getByText('Haster')).toBeInTheDocument();
    expect(latest.getAllByRole('img', { name: 'Ulæst' })).toHaveLength(1);
    expect(screen.getByRole('link', { name: 'Vis alle notifikationer' })).toHaveAttribute('href', '#/notifications');
    const [request] = callsTo(fetchStub, 'GET /api/notifications');
    expect(request.url.searchParams.get('range')).toBe('[0,4]');
    expect(request.url.searchParams.get('sort')).toBe('["createdAt","DESC"]');

    await user.click(latest.getByRole('link', { name: /KBH-2026-014-A1: oplysninger efterspurgt/ }));
    await vi.waitFor(() => expect(window.location.hash).toBe(`#/applications/${unread.recordId}/show`));
    expect(callsTo(fetchStub, `POST /api/notifications/${unread.id}/read`)).toHaveLength(1);
    // the count is asked again at once, not at the next poll
    expect(await screen.findByRole('button', { name: 'Notifikationer' })).toBeInTheDocument();
    expect(callsTo(fetchStub, COUNT).length).toBeGreaterThanOrEqual(2);
  });

  it('asks nothing while a required second factor is not set up', async () => {
    session.setEnrolmentRequired(true);
    const fetchStub = serve({ [COUNT]: { status: 200, body: { count: 3 } } });
    renderBell('en');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: /Notifications/ })).not.toBeInTheDocument();
    expect(fetchStub).not.toHaveBeenCalled();
  });
});
