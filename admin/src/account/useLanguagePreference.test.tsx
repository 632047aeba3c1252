import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification as Toasts } from 'react-admin';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dataProvider } from '../dataProvider';
import { LanguageButton } from '../layout/LanguageButton';
import { session } from '../session';
import { callsTo, onPhone, serve, SIGNED_IN_USER } from '../testing/fetchStub';
import { TestAdmin, type Locale } from '../testing/TestAdmin';
import { useLanguagePreference } from './useLanguagePreference';

const PREFERENCES = '/api/auth/preferences';

const Switch = () => {
  useLanguagePreference();
  return <LanguageButton />;
};

const renderSwitch = (locale: Locale) =>
  render(
    <TestAdmin locale={locale} dataProvider={dataProvider}>
      <Switch />
      <Toasts />
    </TestAdmin>,
  );

const preferencesServer = (email: string) =>
  serve({
    [`GET ${PREFERENCES}`]: { status: 200, body: { language: 'en', email } },
    [`PUT ${PREFERENCES}`]: (_url, init) => ({ status: 200, body: JSON.parse(String(init?.body)) }),
  });

beforeEach(() => {
  session.save('token-of-kbh', SIGNED_IN_USER);
});

describe('useLanguagePreference', () => {
  it('saves the language chosen in the app bar, keeping the e-mail choice', async () => {
    const user = userEvent.setup({ delay: null });
    const fetchStub = preferencesServer('digest');
    renderSwitch('en');
    // opening the page in a language sends nothing
    expect(fetchStub).not.toHaveBeenCalled();

    await user.click(await screen.findByRole('button', { name: 'English' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Dansk' }));

    await vi.waitFor(() =>
      expect(callsTo(fetchStub, `PUT ${PREFERENCES}`).map((c) => c.body)).toEqual([
        { language: 'da', email: 'digest' },
      ]),
    );
  });

  it('offers Finnish, switches the page to it and saves it for the e-mails', async () => {
    onPhone();
    const user = userEvent.setup({ delay: null });
    const fetchStub = preferencesServer('each');
    renderSwitch('en');
    await user.click(await screen.findByRole('button', { name: 'Language: English' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Suomi' }));
    expect(await screen.findByRole('button', { name: 'Kieli: Suomi' })).toBeInTheDocument();
    await vi.waitFor(() =>
      expect(callsTo(fetchStub, `PUT ${PREFERENCES}`).map((c) => c.body)).toEqual([{ language: 'fi', email: 'each' }]),
    );
  });

  it('saves it from the phone’s language menu too', async () => {
    onPhone();
    const user = userEvent.setup({ delay: null });
    const fetchStub = preferencesServer('none');
    renderSwitch('en');
    await user.click(await screen.findByRole('button', { name: 'Language: English' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Dansk' }));
    await vi.waitFor(() =>
      expect(callsTo(fetchStub, `PUT ${PREFERENCES}`).map((c) => c.body)).toEqual([{ language: 'da', email: 'none' }]),
    );
  });

  it('sends nothing when nobody is signed in', async () => {
    session.clear();
    const user = userEvent.setup({ delay: null });
    const fetchStub = preferencesServer('each');
    renderSwitch('da');
    await user.click(await screen.findByRole('button', { name: 'Dansk' }));
    await user.click(await screen.findByRole('menuitem', { name: 'English' }));
    expect(await screen.findByRole('button', { name: 'English' })).toBeInTheDocument();
    expect(fetchStub).not.toHaveBeenCalled();
  });

  it('says so in the new language when the API refuses it', async () => {
    const user = userEvent.setup({ delay: null });
    serve({
      [`GET ${PREFERENCES}`]: { status: 200, body: { language: 'en', email: 'each' } },
      [`PUT ${PREFERENCES}`]: { status: 503 },
    });
    renderSwitch('en');
    await user.click(await screen.findByRole('button', { name: 'English' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Dansk' }));
    expect(await screen.findByText(/^Dine e-mails kunne ikke skiftes til det nye sprog: /)).toBeInTheDocument();
  });
});
