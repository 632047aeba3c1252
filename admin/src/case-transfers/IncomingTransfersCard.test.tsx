import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { testDataProvider, type AuthProvider } from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { TestAdmin, type Locale } from '../testing/TestAdmin';
import type { CaseTransfer } from '../types';
import { IncomingTransfersCard } from './IncomingTransfersCard';

const KRF = { id: 'u-krf', code: 'KRF', name: 'Kriminalforsorgen', active: true };
const KBH = { id: 'u-kbh', code: 'KBH', name: 'Københavns Politi', active: true };

const proposal: CaseTransfer = {
  id: 't-1',
  caseId: 'c-1',
  caseReference: 'KRF-2026-004',
  fromUnitId: KRF.id,
  toUnitId: KBH.id,
  status: 'proposed',
  direct: false,
  reason: 'Released on Monday.',
  decisionReason: null,
  proposedBy: 'someone',
  proposedByName: 'KRF Worker',
  proposedAt: '2026-12-01T10:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
};

const workerOf = (unitId: string): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => 'unit_worker',
  getIdentity: async () => ({ id: 'me', unitId }),
});

const renderCard = (locale: Locale, unitId: string, transfers: CaseTransfer[]) => {
  const getList = vi.fn(async () => ({ data: transfers, total: transfers.length }));
  const caseTransferAction = vi.fn(async (id: string, action: string) => ({
    data: { ...proposal, id, status: action === 'accept' ? 'accepted' : 'declined' },
  }));
  const dataProvider = testDataProvider({
    getList,
    getOne: async (_resource: string, { id }: { id: unknown }) => ({ data: [KRF, KBH].find((u) => u.id === id)! }),
    caseTransferAction,
  } as never);
  render(
    <MemoryRouter>
      <TestAdmin locale={locale} dataProvider={dataProvider} authProvider={workerOf(unitId)}>
        <IncomingTransfersCard />
      </TestAdmin>
    </MemoryRouter>,
  );
  return { getList, caseTransferAction };
};

describe('IncomingTransfersCard', () => {
  it('lists the proposals to the unit, each with Accept and Decline, and asks for open ones to its unit only', async () => {
    const user = userEvent.setup({ delay: null });
    const { getList, caseTransferAction } = renderCard('en', KBH.id, [proposal]);
    const card = within(await screen.findByTestId('dashboard-incoming-transfers'));
    expect(card.getByText('Cases proposed to your unit')).toBeTruthy();
    expect(card.getByText('KRF-2026-004')).toBeTruthy();
    expect(await card.findByText('From: KRF')).toBeTruthy();
    expect(getList).toHaveBeenCalledWith(
      'case-transfers',
      expect.objectContaining({ filter: { status: 'proposed', toUnitId: KBH.id } }),
    );
    await user.click(card.getByRole('button', { name: 'Accept' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.getByText('Take over KRF-2026-004?')).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Accept' }));
    await vi.waitFor(() => expect(caseTransferAction).toHaveBeenCalledWith('t-1', 'accept'));
  });

  it('words the proposal in Danish and sends a decline without a reason as none', async () => {
    const user = userEvent.setup({ delay: null });
    const { caseTransferAction } = renderCard('da', KBH.id, [proposal]);
    const card = within(await screen.findByTestId('dashboard-incoming-transfers'));
    expect(card.getByText('Sager foreslået til jeres enhed')).toBeTruthy();
    await user.click(card.getByRole('button', { name: 'Afvis' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Afvis' }));
    await vi.waitFor(() => expect(caseTransferAction).toHaveBeenCalledWith('t-1', 'decline', {}));
  });

  it('offers no answer to the sending unit, and takes no room when nothing is proposed', async () => {
    renderCard('en', KRF.id, [proposal]);
    const card = within(await screen.findByTestId('dashboard-incoming-transfers'));
    expect(card.queryByRole('button', { name: 'Accept' })).toBeNull();
    expect(card.queryByRole('button', { name: 'Decline' })).toBeNull();
  });

  it('is not shown when no case is proposed to the unit', async () => {
    renderCard('en', KBH.id, []);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('dashboard-incoming-transfers')).toBeNull();
  });
});
