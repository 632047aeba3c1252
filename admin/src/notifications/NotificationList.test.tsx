import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification as Toasts, ResourceContextProvider } from 'react-admin';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dataProvider } from '../dataProvider';
import { session } from '../session';
import { callsTo, listAnswer, onPhone, serve, SIGNED_IN_USER, type Answers } from '../testing/fetchStub';
import { notification } from '../testing/records';
import { TestAdmin, type Locale } from '../testing/TestAdmin';
import { NOTIFICATION_EVENTS, type Notification } from '../types';
import { NotificationList } from './NotificationList';

const APPLICATION = 'a7c1d9e0-5b2f-4f7e-8a43-6d0e1f2a3b4c';
// app.error_code.NOT_FOUND in Danish
const DA_NOT_FOUND = 'Den findes ikke, eller du har ikke adgang til den.';
const LOCKED_USER = 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e';

/** One notification of each event, the first two unread; the locked account names its user's address. */
const everyEvent: Notification[] = NOTIFICATION_EVENTS.map((event, i) =>
  notification({
    id: `n0a1b2c3-d4e5-4f60-8172-8394051627${String(i).padStart(2, '0')}`,
    event,
    reference: event === 'account_locked' ? 'fyn@demo.test' : 'KBH-2026-014-A1',
    resource: event === 'account_locked' ? 'users' : 'applications',
    recordId: event === 'account_locked' ? LOCKED_USER : APPLICATION,
    urgent: event === 'application_submitted',
    readAt: i < 2 ? null : '2026-12-03T11:00:00.000Z',
  }),
);

const SENTENCES: Record<Locale, string[]> = {
  en: [
    'KBH-2026-014-A1: information requested',
    'KBH-2026-014-A1: application approved',
    'KBH-2026-014-A1: application partly approved',
    'KBH-2026-014-A1: application rejected',
    'KBH-2026-014-A1: grant cancelled',
    'KBH-2026-014-A1: grant carried over to next year',
    'KBH-2026-014-A1: payment recorded',
    'KBH-2026-014-A1: refund recorded',
    'KBH-2026-014-A1: application submitted',
    'KBH-2026-014-A1: answer received',
    'KBH-2026-014-A1: waiting for your second approval',
    'KBH-2026-014-A1: still waiting for review',
    'KBH-2026-014-A1: grant ready for payment',
    'KBH-2026-014-A1: year end: grant carried over',
    'KBH-2026-014-A1: year end: grant cancelled',
    'fyn@demo.test: account locked after failed sign-ins',
  ],
  da: [
    'KBH-2026-014-A1: oplysninger efterspurgt',
    'KBH-2026-014-A1: ansøgning bevilget',
    'KBH-2026-014-A1: ansøgning delvist bevilget',
    'KBH-2026-014-A1: ansøgning afslået',
    'KBH-2026-014-A1: bevilling annulleret',
    'KBH-2026-014-A1: bevilling overført til næste år',
    'KBH-2026-014-A1: udbetaling registreret',
    'KBH-2026-014-A1: tilbagebetaling registreret',
    'KBH-2026-014-A1: ansøgning indsendt',
    'KBH-2026-014-A1: svar modtaget',
    'KBH-2026-014-A1: afventer din anden godkendelse',
    'KBH-2026-014-A1: venter stadig på behandling',
    'KBH-2026-014-A1: bevilling klar til udbetaling',
    'KBH-2026-014-A1: årsafslutning: bevilling overført',
    'KBH-2026-014-A1: årsafslutning: bevilling annulleret',
    'fyn@demo.test: konto låst efter mislykkede log ind-forsøg',
  ],
  fi: [
    'KBH-2026-014-A1: lisätietoja pyydetty',
    'KBH-2026-014-A1: hakemus hyväksytty',
    'KBH-2026-014-A1: hakemus hyväksytty osittain',
    'KBH-2026-014-A1: hakemus hylätty',
    'KBH-2026-014-A1: avustus peruttu',
    'KBH-2026-014-A1: avustus siirretty seuraavalle vuodelle',
    'KBH-2026-014-A1: maksu kirjattu',
    'KBH-2026-014-A1: palautus kirjattu',
    'KBH-2026-014-A1: hakemus lähetetty',
    'KBH-2026-014-A1: vastaus saatu',
    'KBH-2026-014-A1: odottaa toista hyväksyntääsi',
    'KBH-2026-014-A1: odottaa yhä käsittelyä',
    'KBH-2026-014-A1: avustus valmis maksettavaksi',
    'KBH-2026-014-A1: vuodenvaihde: avustus siirretty',
    'KBH-2026-014-A1: vuodenvaihde: avustus peruttu',
    'fyn@demo.test: käyttäjätili lukittu epäonnistuneiden kirjautumisten jälkeen',
  ],
};

const UNREAD: Record<Locale, string> = { en: 'Unread', da: 'Ulæst', fi: 'Lukematon' };
const URGENT: Record<Locale, string> = { en: 'Urgent', da: 'Haster', fi: 'Kiireellinen' };

const renderList = (locale: Locale) =>
  render(
    <TestAdmin locale={locale} dataProvider={dataProvider}>
      <ResourceContextProvider value="notifications">
        <NotificationList />
      </ResourceContextProvider>
      <Toasts />
    </TestAdmin>,
  );

const answers = (records: Notification[], unread: number, extra: Answers = {}): Answers => ({
  'GET /api/notifications': listAnswer('notifications', records),
  'GET /api/notifications/unread-count': { status: 200, body: { count: unread } },
  ...extra,
});

beforeEach(() => {
  session.save('token-of-kbh', SIGNED_IN_USER);
  window.location.hash = '#/notifications';
});

describe('NotificationList', () => {
  it.each(['en', 'da', 'fi'] as const)('says what happened and where for every event in %s', async (locale) => {
    const fetchStub = serve(answers(everyEvent, 2));
    renderList(locale);

    for (const sentence of SENTENCES[locale]) expect(await screen.findByText(sentence)).toBeInTheDocument();
    // the unread ones carry a mark of their own, the urgent one its chip
    expect(screen.getAllByRole('img', { name: UNREAD[locale] })).toHaveLength(2);
    expect(screen.getByText(URGENT[locale])).toBeInTheDocument();
    // newest first, where the API puts the unread first
    const [request] = callsTo(fetchStub, 'GET /api/notifications');
    expect(request.url.searchParams.get('sort')).toBe('["createdAt","DESC"]');
    expect(request.url.searchParams.get('range')).toBe('[0,24]');
  });

  it('lists the unread only under the Unread tab', async () => {
    const user = userEvent.setup({ delay: null });
    const fetchStub = serve(answers(everyEvent.slice(0, 2), 2));
    renderList('da');
    await user.click(await screen.findByRole('tab', { name: 'Ulæste' }));
    await vi.waitFor(() =>
      expect(callsTo(fetchStub, 'GET /api/notifications').map((c) => c.url.searchParams.get('filter'))).toContain(
        '{"unread":true}',
      ),
    );
  });

  it('marks every notification read and says how many', async () => {
    const user = userEvent.setup({ delay: null });
    let unread = 2;
    const fetchStub = serve({
      ...answers(everyEvent.slice(0, 3), 0),
      'GET /api/notifications/unread-count': () => ({ status: 200, body: { count: unread } }),
      'POST /api/notifications/read-all': () => {
        unread = 0;
        return { status: 200, body: { count: 2 } };
      },
    });
    renderList('en');
    const button = await screen.findByRole('button', { name: 'Mark all as read' });
    await vi.waitFor(() => expect(button).toBeEnabled());
    await user.click(button);

    expect(await screen.findByText('2 notifications marked as read.')).toBeInTheDocument();
    expect(callsTo(fetchStub, 'POST /api/notifications/read-all')).toHaveLength(1);
    // the list and the count are asked again, and with nothing unread the button rests
    await vi.waitFor(() => expect(callsTo(fetchStub, 'GET /api/notifications').length).toBeGreaterThanOrEqual(2));
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeDisabled());
  });

  it('opens the record a notification names and marks it read', async () => {
    const user = userEvent.setup({ delay: null });
    const first = everyEvent[0];
    const fetchStub = serve(
      answers([first], 1, {
        [`POST /api/notifications/${first.id}/read`]: {
          status: 200,
          body: { ...first, readAt: '2026-12-03T12:00:00.000Z' },
        },
      }),
    );
    renderList('da');
    await user.click(await screen.findByRole('link', { name: 'KBH-2026-014-A1: oplysninger efterspurgt' }));

    await vi.waitFor(() => expect(window.location.hash).toBe(`#/applications/${APPLICATION}/show`));
    await vi.waitFor(() => expect(callsTo(fetchStub, `POST /api/notifications/${first.id}/read`)).toHaveLength(1));
  });

  it('says in the user’s words when the notification is not theirs or gone', async () => {
    const user = userEvent.setup({ delay: null });
    const first = everyEvent[0];
    serve(
      answers([first], 1, {
        [`POST /api/notifications/${first.id}/read`]: {
          status: 404,
          body: { statusCode: 404, error: 'Not Found', message: 'Notification not found', code: 'NOT_FOUND' },
        },
      }),
    );
    renderList('da');
    await user.click(await screen.findByRole('link', { name: 'KBH-2026-014-A1: oplysninger efterspurgt' }));
    expect(await screen.findByText(DA_NOT_FOUND)).toBeInTheDocument();
    expect(screen.queryByText('Notification not found')).not.toBeInTheDocument();
  });

  it('does not mark again a notification already read', async () => {
    const user = userEvent.setup({ delay: null });
    const read = everyEvent[2];
    const fetchStub = serve(answers([read], 0));
    renderList('en');
    await user.click(await screen.findByRole('link', { name: 'KBH-2026-014-A1: application partly approved' }));
    await vi.waitFor(() => expect(window.location.hash).toBe(`#/applications/${APPLICATION}/show`));
    expect(fetchStub.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);
  });

  it('on a phone shows one card a notification, which opens its record', async () => {
    onPhone();
    const user = userEvent.setup({ delay: null });
    const locked = everyEvent[15];
    const fetchStub = serve(
      answers([locked], 0, { [`POST /api/notifications/${locked.id}/read`]: { status: 200, body: locked } }),
    );
    renderList('en');
    const card = (await screen.findByText('fyn@demo.test: account locked after failed sign-ins')).closest(
      '.MuiListItemButton-root',
    );
    expect(card).not.toBeNull();
    expect(within(card as HTMLElement).getByText(/2026/)).toBeInTheDocument();
    // no table on a phone
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(card as HTMLElement);
    await vi.waitFor(() => expect(window.location.hash).toBe(`#/users/${LOCKED_USER}/show`));
    expect(callsTo(fetchStub, `POST /api/notifications/${locked.id}/read`)).toHaveLength(0);
  });
});
