import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification as Toasts } from 'react-admin';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dataProvider } from '../dataProvider';
import { session } from '../session';
import { callsTo, serve, SIGNED_IN_USER } from '../testing/fetchStub';
import { TestAdmin, type Locale } from '../testing/TestAdmin';
import { NotificationsCard } from './NotificationsCard';

const PREFERENCES = '/api/auth/preferences';

const renderCard = (locale: Locale) =>
  render(
    <TestAdmin locale={locale} dataProvider={dataProvider}>
      <NotificationsCard />
      <Toasts />
    </TestAdmin>,
  );

beforeEach(() => {
  session.save('token-of-kbh', SIGNED_IN_USER);
});

describe('NotificationsCard', () => {
  it('saves the daily digest in Danish', async () => {
    const user = userEvent.setup({ delay: null });
    const fetchStub = serve({
      [`GET ${PREFERENCES}`]: { status: 200, body: { language: 'da', email: 'each' } },
      [`PUT ${PREFERENCES}`]: (_url, init) => ({ status: 200, body: JSON.parse(String(init?.body)) }),
    });
    renderCard('da');

    expect(await screen.findByRole('radio', { name: /^En e-mail for hver notifikation/ })).toBeChecked();
    expect(screen.getByText('E-mails skrives på dansk, det sprog du vælger i topbjælken.')).toBeInTheDocument();
    const save = screen.getByRole('button', { name: 'Gem' });
    // nothing to save until the choice changes
    expect(save).toBeDisabled();

    await user.click(screen.getByRole('radio', { name: /^En daglig oversigt/ }));
    await user.click(save);

    expect(await screen.findByText('Dit valg af e-mail er gemt.')).toBeInTheDocument();
    expect(callsTo(fetchStub, `PUT ${PREFERENCES}`).map((c) => c.body)).toEqual([{ language: 'da', email: 'digest' }]);
    expect(screen.getByRole('radio', { name: /^En daglig oversigt/ })).toBeChecked();
    await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Gem' })).toBeDisabled());
  });

  it('turns e-mail off in English', async () => {
    const user = userEvent.setup({ delay: null });
    const fetchStub = serve({
      [`GET ${PREFERENCES}`]: { status: 200, body: { language: 'en', email: 'digest' } },
      [`PUT ${PREFERENCES}`]: (_url, init) => ({ status: 200, body: JSON.parse(String(init?.body)) }),
    });
    renderCard('en');
    await user.click(await screen.findByRole('radio', { name: /^No e-mail/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() =>
      expect(callsTo(fetchStub, `PUT ${PREFERENCES}`).map((c) => c.body)).toEqual([{ language: 'en', email: 'none' }]),
    );
    expect(await screen.findByText('Your choice of e-mail is saved.')).toBeInTheDocument();
  });

  it('brings the language of e-mails in line with the one the product is read in', async () => {
    const user = userEvent.setup({ delay: null });
    const fetchStub = serve({
      [`GET ${PREFERENCES}`]: { status: 200, body: { language: 'da', email: 'each' } },
      [`PUT ${PREFERENCES}`]: (_url, init) => ({ status: 200, body: JSON.parse(String(init?.body)) }),
    });
    renderCard('en');
    expect(
      await screen.findByText(
        'E-mails are written in Danish. Save to have them in English, the language you read Exit Pool in.',
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() =>
      expect(callsTo(fetchStub, `PUT ${PREFERENCES}`).map((c) => c.body)).toEqual([{ language: 'en', email: 'each' }]),
    );
    expect(
      await screen.findByText('E-mails are written in English, the language you choose in the app bar.'),
    ).toBeInTheDocument();
  });

  it('keeps the choice and says why when the API refuses it', async () => {
    const user = userEvent.setup({ delay: null });
    serve({
      [`GET ${PREFERENCES}`]: { status: 200, body: { language: 'en', email: 'each' } },
      [`PUT ${PREFERENCES}`]: {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: ['email must be one of: each, digest, none'],
          errors: { email: 'must be one of: each, digest, none' },
        },
      },
    });
    renderCard('en');
    await user.click(await screen.findByRole('radio', { name: /^A daily digest/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('must be one of: each, digest, none');
    expect(screen.getByRole('radio', { name: /^A daily digest/ })).toBeChecked();
  });

  it('says so when the settings cannot be read', async () => {
    serve({ [`GET ${PREFERENCES}`]: { status: 500 } });
    renderCard('da');
    expect(
      await screen.findByText(
        'Dine indstillinger for notifikationer kunne ikke hentes. Genindlæs siden for at prøve igen.',
      ),
    ).toBeInTheDocument();
  });
});
