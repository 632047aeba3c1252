import { render, screen, within } from '@testing-library/react';
import { testDataProvider } from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { TestAdmin } from '../testing/TestAdmin';
import type { AdviceRequest } from '../types';
import { AnsweredAdviceCard, OpenAdviceCard } from './OpenAdviceCard';

const waiting = (id: string, reference: string, ageDays: number): AdviceRequest => ({
  id,
  reference,
  caseId: `${id}-case`,
  caseReference: reference.slice(0, -3),
  unitId: 'unit-kbh',
  topic: 'safety',
  status: 'open',
  askedBy: 'worker',
  askedByName: 'Mette Lund',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
  answeredAt: null,
  closedAt: null,
  messageCount: 0,
  ageDays,
  purgedAt: null,
  actions: ['answer', 'close'],
});

describe('OpenAdviceCard', () => {
  it('asks for the open requests, longest waiting first, and shows each with its topic and time since asked', async () => {
    const getList = vi.fn(async (resource: string) =>
      resource === 'advice-requests'
        ? { data: [waiting('a1', 'KBH-2026-014-R1', 16), waiting('a2', 'FYN-2026-003-R2', 0)], total: 2 }
        : { data: [], total: 0 },
    );
    const getMany = vi.fn(async () => ({ data: [{ id: 'unit-kbh', code: 'KBH' }] }));
    render(
      <MemoryRouter>
        <TestAdmin locale="da" dataProvider={testDataProvider({ getList, getMany } as never)}>
          <OpenAdviceCard />
        </TestAdmin>
      </MemoryRouter>,
    );
    const card = within(await screen.findByTestId('dashboard-open-advice'));
    expect(await card.findByText('KBH-2026-014-R1')).toBeInTheDocument();
    expect(card.getByText('2 spørgsmål venter, det ældste først')).toBeInTheDocument();
    expect(card.getAllByText('Sikkerhed')).toHaveLength(2);
    expect(card.getByText('16 dage')).toBeInTheDocument();
    expect(card.getByText('i dag')).toBeInTheDocument();
    expect(getList).toHaveBeenCalledWith(
      'advice-requests',
      expect.objectContaining({ filter: { status: 'open' }, sort: { field: 'createdAt', order: 'ASC' } }),
    );
  });

  it('shows the unit the answers waiting for it, without naming its own unit', async () => {
    const getList = vi.fn(async () => ({
      data: [{ ...waiting('a3', 'KBH-2026-015-R1', 2), status: 'answered' as const }],
      total: 1,
    }));
    const getMany = vi.fn(async () => ({ data: [{ id: 'unit-kbh', code: 'KBH' }] }));
    render(
      <MemoryRouter>
        <TestAdmin locale="en" dataProvider={testDataProvider({ getList, getMany } as never)}>
          <AnsweredAdviceCard />
        </TestAdmin>
      </MemoryRouter>,
    );
    const card = within(await screen.findByTestId('dashboard-answered-advice'));
    expect(await card.findByText('KBH-2026-015-R1')).toBeInTheDocument();
    expect(card.getByText('1 answer to read, follow up or close')).toBeInTheDocument();
    expect(card.queryByText('KBH')).not.toBeInTheDocument();
    expect(getList).toHaveBeenCalledWith(
      'advice-requests',
      expect.objectContaining({ filter: { status: 'answered' } }),
    );
  });
});
