import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError, RecordContextProvider, testDataProvider, type AuthProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { TestAdmin, type Locale } from '../testing/TestAdmin';
import type { Case, CaseTransfer, Role, UnitParty } from '../types';
import { TransferCaseButton } from './TransferCaseButton';

const KRF = {
  id: 'u-krf',
  code: 'KRF',
  name: 'Kriminalforsorgen',
  active: true,
  parties: ['police', 'municipality', 'prison_probation'] as UnitParty[],
};
const KBH = {
  id: 'u-kbh',
  code: 'KBH',
  name: 'Københavns Politi',
  active: true,
  parties: ['police', 'municipality', 'prison_probation'] as UnitParty[],
};
const FYN = {
  id: 'u-fyn',
  code: 'FYN',
  name: 'Fyns Politi',
  active: true,
  parties: ['police', 'municipality', 'prison_probation'] as UnitParty[],
};
const UNITS = [KRF, KBH, FYN];

const aCase = (changes: Partial<Case> = {}): Case => ({
  id: 'c-1',
  reference: 'KRF-2026-004',
  unitId: KRF.id,
  status: 'active',
  birthYear: 1995,
  consentRecordedOn: '2026-01-02',
  agreementSignedOn: '2026-01-03',
  programmeStart: '2026-01-05',
  consent: { parties: ['police', 'municipality', 'prison_probation'], givenOn: '2026-01-02', withdrawnOn: null },
  openedParty: 'prison_probation',
  accessParties: ['police', 'municipality', 'prison_probation'],
  createdAt: '2026-01-02T10:00:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  ...changes,
});

const auth = (role: Role): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => role,
  getIdentity: async () => ({ id: 'me', unitId: role === 'unit_worker' ? KRF.id : null }),
});

type Transfer = (caseId: string, body: { toUnitId: string; reason: string }) => Promise<{ data: CaseTransfer }>;

const renderButton = (
  locale: Locale,
  role: Role,
  record: Case,
  transferCase: Transfer,
  openTransfers: CaseTransfer[] = [],
) => {
  const transfer = vi.fn(transferCase);
  const dataProvider = testDataProvider({
    transferCase: transfer,
    getOne: async (_resource: string, { id }: { id: unknown }) => ({ data: UNITS.find((u) => u.id === id)! }),
    getMany: async (_resource: string, { ids }: { ids: unknown[] }) => ({
      data: UNITS.filter((u) => ids.includes(u.id)),
    }),
    getList: async (resource: string) =>
      resource === 'case-transfers'
        ? { data: openTransfers, total: openTransfers.length }
        : { data: UNITS, total: UNITS.length },
  } as never);
  render(
    <TestAdmin locale={locale} dataProvider={dataProvider} authProvider={auth(role)}>
      <RecordContextProvider value={record}>
        <TransferCaseButton />
      </RecordContextProvider>
    </TestAdmin>,
  );
  return transfer;
};

const proposed: Transfer = async (caseId, body) => ({
  data: {
    id: 't-1',
    caseId,
    caseReference: 'KRF-2026-004',
    fromUnitId: KRF.id,
    toUnitId: body.toUnitId,
    status: 'proposed',
    direct: false,
    reason: body.reason,
    decisionReason: null,
    proposedBy: 'me',
    proposedByName: 'Me',
    proposedAt: '2026-12-01T10:00:00.000Z',
    decidedBy: null,
    decidedAt: null,
  },
});

const fill = async (user: ReturnType<typeof userEvent.setup>, unit: string, reason: string) => {
  const dialog = within(await screen.findByRole('dialog'));
  await user.click(dialog.getByRole('combobox'));
  await user.click(await screen.findByRole('option', { name: unit }));
  await user.click(dialog.getByRole('textbox'));
  await user.paste(reason);
  return dialog;
};

describe('TransferCaseButton', () => {
  it('offers a custody case as "Released to …" and proposes it to the chosen local unit with the reason', async () => {
    const user = userEvent.setup({ delay: null });
    const transfer = renderButton('en', 'unit_worker', aCase(), proposed);
    await user.click(await screen.findByRole('button', { name: 'Released to …' }));
    const dialog = await fill(user, 'KBH · Københavns Politi', 'Released on Monday.');
    expect(dialog.getByText(/The receiving unit accepts or declines/)).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Propose transfer' }));
    await vi.waitFor(() =>
      expect(transfer).toHaveBeenCalledWith('c-1', { toUnitId: KBH.id, reason: 'Released on Monday.' }),
    );
  });

  it('words a local unit’s case as a transfer, in Danish, and a contact point’s as taking effect at once', async () => {
    const user = userEvent.setup({ delay: null });
    renderButton('da', 'contact_point', aCase({ unitId: KBH.id, reference: 'KBH-2026-001' }), proposed);
    await user.click(await screen.findByRole('button', { name: 'Overdrag' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Overdrag KBH-2026-001 til en anden enhed')).toBeTruthy();
    expect(dialog.getByText(/træder din overdragelse i kraft med det samme/)).toBeTruthy();
    expect(dialog.getByRole('button', { name: 'Overdrag nu' })).toBeTruthy();
  });

  it('shows the refusal by its code inside the dialog, keeping what was written', async () => {
    const user = userEvent.setup({ delay: null });
    renderButton('en', 'unit_worker', aCase(), async () => {
      throw new HttpError('already', 409, { code: 'CASE_TRANSFER_ALREADY_PROPOSED' });
    });
    await user.click(await screen.findByRole('button', { name: 'Released to …' }));
    const dialog = await fill(user, 'FYN · Fyns Politi', 'Moves to Funen.');
    await user.click(dialog.getByRole('button', { name: 'Propose transfer' }));
    expect(await dialog.findByText('The case already has a transfer waiting for an answer.')).toBeTruthy();
    expect(dialog.getByRole('textbox')).toHaveProperty('value', 'Moves to Funen.');
  });

  it('is not offered while a proposal waits for an answer', async () => {
    const waiting = (await proposed('c-1', { toUnitId: KBH.id, reason: 'Moves.' })).data;
    renderButton('en', 'unit_worker', aCase(), proposed, [waiting]);
    // long enough for the button of a case without one to show (the tests above find it at once)
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('is not offered on a case that has ended', async () => {
    renderButton('en', 'unit_worker', aCase({ status: 'completed' }), proposed);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button')).toBeNull();
  });
});
