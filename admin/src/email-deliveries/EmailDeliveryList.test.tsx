import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification as Toasts, ResourceContextProvider } from 'react-admin';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dataProvider } from '../dataProvider';
import { session } from '../session';
import { callsTo, listAnswer, onPhone, serve, SIGNED_IN_USER, type Answers } from '../testing/fetchStub';
import { TestAdmin, type Locale } from '../testing/TestAdmin';
import type { EmailDelivery } from '../types';
import { EmailDeliveryList } from './EmailDeliveryList';

const failed: EmailDelivery = {
  id: 'e0a1b2c3-d4e5-4f60-8172-839405162701',
  event: 'information_requested',
  reference: 'KBH-2026-014-A1',
  recipient: 'kbh@demo.test',
  status: 'failed',
  attempts: 3,
  lastError: 'connect ECONNREFUSED 127.0.0.1:2525',
  createdAt: '2026-12-03T10:00:00.000Z',
  sentAt: null,
};
const digest: EmailDelivery = {
  ...failed,
  id: 'e0a1b2c3-d4e5-4f60-8172-839405162702',
  event: 'digest',
  reference: null,
  recipient: 'ncp@demo.test',
  attempts: 5,
};
const RETRY = `POST /api/email-deliveries/${failed.id}/retry`;

const renderList = (locale: Locale, answers: Answers) => {
  const fetchStub = serve({
    'GET /api/email-deliveries': listAnswer('email-deliveries', [failed, digest]),
    ...answers,
  });
  render(
    <TestAdmin locale={locale} dataProvider={dataProvider}>
      <ResourceContextProvider value="email-deliveries">
        <EmailDeliveryList />
      </ResourceContextProvider>
      <Toasts />
    </TestAdmin>,
  );
  return fetchStub;
};

const rowOf = async (text: string) => within((await screen.findByText(text)).closest('tr') as HTMLElement);

beforeEach(() => {
  session.save('token-of-admin', {
    ...SIGNED_IN_USER,
    email: 'admin@demo.test',
    role: 'admin',
    unitId: null,
    party: 'national',
  });
});

describe('EmailDeliveryList', () => {
  it('lists the failed e-mails with recipient, event, reference, attempts and last error', async () => {
    const fetchStub = renderList('en', {});
    const row = await rowOf('kbh@demo.test');
    expect(row.getByText('Information requested')).toBeInTheDocument();
    expect(row.getByText('KBH-2026-014-A1')).toBeInTheDocument();
    expect(row.getByText('3')).toBeInTheDocument();
    expect(row.getByText('connect ECONNREFUSED 127.0.0.1:2525')).toBeInTheDocument();
    expect(row.getByText('Failed')).toBeInTheDocument();
    expect((await rowOf('ncp@demo.test')).getByText('Daily digest')).toBeInTheDocument();
    // the failed ones by default
    const [request] = callsTo(fetchStub, 'GET /api/email-deliveries');
    expect(JSON.parse(request.url.searchParams.get('filter') ?? '')).toEqual({ status: 'failed' });
    expect(request.url.searchParams.get('sort')).toBe('["createdAt","DESC"]');
  });

  it('retries one failed e-mail and lists again', async () => {
    const user = userEvent.setup({ delay: null });
    const fetchStub = renderList('en', { [RETRY]: { status: 200, body: { ...failed, status: 'pending' } } });
    const row = await rowOf('kbh@demo.test');
    await user.click(row.getByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('The e-mail to kbh@demo.test is queued again.')).toBeInTheDocument();
    expect(callsTo(fetchStub, RETRY)).toHaveLength(1);
    expect(callsTo(fetchStub, `POST /api/email-deliveries/${digest.id}/retry`)).toHaveLength(0);
    await vi.waitFor(() => expect(callsTo(fetchStub, 'GET /api/email-deliveries').length).toBeGreaterThanOrEqual(2));
  });

  it('says in Danish that an e-mail retried meanwhile is no longer failed', async () => {
    const user = userEvent.setup({ delay: null });
    renderList('da', {
      [RETRY]: {
        status: 409,
        body: {
          statusCode: 409,
          error: 'Conflict',
          message: 'Only a failed e-mail can be retried',
          code: 'EMAIL_DELIVERY_NOT_FAILED',
        },
      },
    });
    await user.click((await rowOf('kbh@demo.test')).getByRole('button', { name: 'Prøv igen' }));
    expect(
      await screen.findByText(
        'Denne e-mail er ikke (længere) fejlet: en anden har måske allerede prøvet igen. Listen viser nu, hvor den står.',
      ),
    ).toBeInTheDocument();
  });

  it('offers no Retry for an e-mail that has not failed', async () => {
    serve({
      'GET /api/email-deliveries': listAnswer('email-deliveries', [
        { ...failed, status: 'sent', sentAt: failed.createdAt },
      ]),
    });
    render(
      <TestAdmin locale="en" dataProvider={dataProvider}>
        <ResourceContextProvider value="email-deliveries">
          <EmailDeliveryList />
        </ResourceContextProvider>
      </TestAdmin>,
    );
    const row = await rowOf('kbh@demo.test');
    expect(row.getByText('Sent')).toBeInTheDocument();
    expect(row.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  });

  it('on a phone shows one card an e-mail, with its Retry button', async () => {
    onPhone();
    const user = userEvent.setup({ delay: null });
    const fetchStub = renderList('en', { [RETRY]: { status: 200, body: { ...failed, status: 'pending' } } });
    expect(await screen.findByText('kbh@demo.test')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Retry' })[0]);
    await vi.waitFor(() => expect(callsTo(fetchStub, RETRY)).toHaveLength(1));
  });
});
