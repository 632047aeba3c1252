import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError, RecordContextProvider, testDataProvider, useGetIdentity, type AuthProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { TestAdmin, type Locale } from '../testing/TestAdmin';
import type { Case } from '../types';
import { consentToSend } from './ConsentInputs';
import { WithdrawConsentButton } from './WithdrawConsentButton';

const kbhCase: Case = {
  id: '7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
  reference: 'KBH-2026-003',
  unitId: 'u0a1b2c3-d4e5-4f60-8172-839405162738',
  status: 'assessment',
  birthYear: 1999,
  consentRecordedOn: '2026-11-20',
  agreementSignedOn: null,
  programmeStart: null,
  consent: { parties: ['police', 'municipality'], givenOn: '2026-11-20', withdrawnOn: null },
  openedParty: 'police',
  accessParties: ['police', 'municipality'],
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
};

const signedInAs = (role: string, party: string): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => role,
  getIdentity: async () => ({ id: 'me', fullName: 'Karen Holm', role, party, unitId: kbhCase.unitId }),
});

const IdentityShown = () => {
  const { identity } = useGetIdentity();
  return identity ? <span>identity: {String(identity.role)}</span> : null;
};

type Withdraw = (id: string, body: object) => Promise<{ data: Case }>;

const renderButton = (locale: Locale, withdrawConsent: Withdraw, role = 'unit_worker', party = 'police') => {
  const action = vi.fn(withdrawConsent);
  render(
    <TestAdmin
      locale={locale}
      dataProvider={testDataProvider({ withdrawConsent: action })}
      authProvider={signedInAs(role, party)}
    >
      <RecordContextProvider value={kbhCase}>
        <WithdrawConsentButton />
      </RecordContextProvider>
    </TestAdmin>,
  );
  return action;
};

const withdrawn: Withdraw = async () => ({
  data: { ...kbhCase, consent: { ...kbhCase.consent!, parties: ['police'] }, accessParties: ['police'] },
});

describe('WithdrawConsentButton', () => {
  it('withdraws from the parties left ticked, with the reason typed', async () => {
    const user = userEvent.setup({ delay: null });
    const action = renderButton('en', withdrawn);
    await user.click(await screen.findByRole('button', { name: 'Withdraw consent' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Withdraw consent for KBH-2026-003')).toBeInTheDocument();
    // both covered parties are offered, ticked: untick the police to withdraw from the municipality only
    await user.click(dialog.getByLabelText('Police'));
    expect(dialog.getByLabelText('Municipality')).toBeChecked();
    await user.click(dialog.getByLabelText(/^Reason/));
    await user.paste('The candidate no longer wants the municipality involved');
    await user.click(dialog.getByRole('button', { name: 'Withdraw consent' }));
    await waitFor(() =>
      expect(action).toHaveBeenCalledWith(kbhCase.id, {
        parties: ['municipality'],
        reason: 'The candidate no longer wants the municipality involved',
      }),
    );
  });

  it('sends no parties when every party is ticked (all of them), and keeps the dialog with the API’s words on a refusal', async () => {
    const user = userEvent.setup({ delay: null });
    const action = renderButton('da', async () => {
      throw new HttpError('conflict', 409, { code: 'CASE_CONSENT_NOT_RECORDED', message: 'none' });
    });
    await user.click(await screen.findByRole('button', { name: 'Træk samtykke tilbage' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByLabelText(/^Begrundelse/));
    await user.paste('Kandidaten har forladt forløbet');
    await user.click(dialog.getByRole('button', { name: 'Træk samtykke tilbage' }));
    await waitFor(() => expect(action).toHaveBeenCalledWith(kbhCase.id, { reason: 'Kandidaten har forladt forløbet' }));
    expect(await dialog.findByText(/Sagen har intet samtykke at trække tilbage/)).toBeInTheDocument();
    expect(dialog.getByLabelText(/^Begrundelse/)).toHaveValue('Kandidaten har forladt forløbet');
    expect(dialog.getByRole('button', { name: 'Behold samtykket' })).toBeInTheDocument();
  });

  it('is offered to a unit worker only: finance never withdraws a candidate’s consent', async () => {
    const { unmount } = render(
      <TestAdmin locale="en" dataProvider={testDataProvider({})} authProvider={signedInAs('finance', 'national')}>
        <RecordContextProvider value={kbhCase}>
          <WithdrawConsentButton />
          <IdentityShown />
        </RecordContextProvider>
      </TestAdmin>,
    );
    // once the identity is known, the button is still not there
    expect(await screen.findByText('identity: finance')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Withdraw consent' })).toBeNull();
    unmount();
  });
});

describe('consentToSend', () => {
  it('sends no consent when nothing is ticked and no date given', () => {
    expect(consentToSend({ parties: [], givenOn: null })).toEqual({});
    expect(consentToSend(undefined)).toEqual({});
  });
  it('sends the parties and the date as entered', () => {
    expect(consentToSend({ parties: ['police'], givenOn: '2026-11-20' })).toEqual({
      consent: { parties: ['police'], givenOn: '2026-11-20' },
    });
  });
  it('sends nothing on an edit that left the consent as loaded, whatever the order of the parties', () => {
    const loaded = { parties: ['police', 'municipality'], givenOn: '2026-11-20' };
    expect(consentToSend({ parties: ['municipality', 'police'], givenOn: '2026-11-20' }, loaded)).toEqual({});
    expect(consentToSend({ parties: ['police', 'municipality', 'ngo'], givenOn: '2026-11-20' }, loaded)).toEqual({
      consent: { parties: ['police', 'municipality', 'ngo'], givenOn: '2026-11-20' },
    });
  });
});
