import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { authProvider } from '../authProvider';
import { dataProvider } from '../dataProvider';
import { session } from '../session';
import { callsTo, serve, SIGNED_IN_USER } from '../testing/fetchStub';
import { TestAdmin } from '../testing/TestAdmin';
import { AccountPage } from './AccountPage';

const renderPage = () =>
  render(
    <TestAdmin locale="en" dataProvider={dataProvider} authProvider={authProvider}>
      <AccountPage />
    </TestAdmin>,
  );

beforeEach(() => {
  session.save('token-of-kbh', SIGNED_IN_USER);
});

describe('AccountPage', () => {
  it('holds the Notifications card beside the second factor', async () => {
    serve({
      'GET /api/auth/totp': { status: 200, body: { enabled: true, required: false, recoveryCodesLeft: 10 } },
      'GET /api/auth/preferences': { status: 200, body: { language: 'en', email: 'each' } },
    });
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Notifications' })).toBeInTheDocument();
    expect(await screen.findByRole('radio', { name: /^An e-mail for each notification/ })).toBeChecked();
  });

  it('leaves it out while a required second factor is not set up', async () => {
    session.setEnrolmentRequired(true);
    const fetchStub = serve({
      'GET /api/auth/totp': { status: 200, body: { enabled: false, required: true, recoveryCodesLeft: 0 } },
    });
    renderPage();
    expect(await screen.findByRole('heading', { name: 'Second factor' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Notifications' })).not.toBeInTheDocument();
    expect(callsTo(fetchStub, 'GET /api/auth/preferences')).toHaveLength(0);
  });
});
