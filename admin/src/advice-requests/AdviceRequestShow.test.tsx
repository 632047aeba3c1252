import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type AuthProvider, HttpError, RecordContextProvider, testDataProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { type Locale, TestAdmin } from '../testing/TestAdmin';
import type { AdviceRequest, Role } from '../types';
import { AdviceThread } from './AdviceThread';
import { AnswerAdviceButton } from './AnswerAdviceButton';
import { CloseAdviceButton } from './CloseAdviceButton';

const request = (changes: Partial<AdviceRequest> = {}): AdviceRequest => ({
  id: 'b7c6f1a2-0000-4000-8000-000000000001',
  reference: 'KBH-2026-014-R1',
  caseId: 'b7c6f1a2-0000-4000-8000-000000000002',
  caseReference: 'KBH-2026-014',
  unitId: 'b7c6f1a2-0000-4000-8000-000000000003',
  topic: 'motivation',
  status: 'answered',
  askedBy: 'b7c6f1a2-0000-4000-8000-000000000004',
  askedByName: 'Mette Lund',
  createdAt: '2026-11-30T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
  answeredAt: '2026-12-01T09:00:00.000Z',
  closedAt: null,
  messageCount: 1,
  ageDays: 4,
  purgedAt: null,
  actions: ['answer', 'close'],
  question: 'Is fear of the old group enough motivation?',
  messages: [
    {
      id: 'b7c6f1a2-0000-4000-8000-000000000005',
      authorId: 'b7c6f1a2-0000-4000-8000-000000000006',
      authorName: 'Ida Holm',
      authorRole: 'contact_point',
      kind: 'answer',
      body: 'Look at the pull factors too.',
      createdAt: '2026-12-01T09:00:00.000Z',
    },
  ],
  ...changes,
});

const as = (role: Role): AuthProvider => ({
  login: async () => undefined,
  logout: async () => undefined,
  checkAuth: async () => undefined,
  checkError: async () => undefined,
  getPermissions: async () => role,
});

type Action = (id: string, action: string, body?: object) => Promise<{ data: AdviceRequest }>;

const renderWith = (
  locale: Locale,
  role: Role,
  record: AdviceRequest,
  adviceAction: Action = async () => ({ data: record }),
) => {
  const action = vi.fn(adviceAction);
  render(
    <TestAdmin locale={locale} authProvider={as(role)} dataProvider={testDataProvider({ adviceAction: action })}>
      <RecordContextProvider value={record}>
        <AnswerAdviceButton />
        <CloseAdviceButton />
        <AdviceThread />
      </RecordContextProvider>
    </TestAdmin>,
  );
  return action;
};

describe('AdviceThread', () => {
  it('shows the question first, then each answer with its author and role', async () => {
    renderWith('en', 'contact_point', request());
    const thread = within(await screen.findByTestId('advice-thread'));
    expect(thread.getByText('Is fear of the old group enough motivation?')).toBeInTheDocument();
    expect(thread.getByText('Question')).toBeInTheDocument();
    expect(thread.getByText('Look at the pull factors too.')).toBeInTheDocument();
    expect(thread.getByText('Ida Holm')).toBeInTheDocument();
    expect(thread.getByText(/Contact point/)).toBeInTheDocument();
  });

  it('says that a purged thread is gone, in Danish too', async () => {
    renderWith(
      'da',
      'unit_worker',
      request({ question: null, messages: [], purgedAt: '2030-01-01T00:00:00Z', actions: [] }),
    );
    expect(await screen.findByText(/slettet sammen med sagen/)).toBeInTheDocument();
  });
});

describe('AnswerAdviceButton and CloseAdviceButton', () => {
  it('lets the contact point answer, and sends the message as typed', async () => {
    const user = userEvent.setup({ delay: null });
    const action = renderWith('en', 'contact_point', request({ status: 'open' }));
    await user.click(await screen.findByRole('button', { name: 'Answer' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByLabelText(/^Your answer/));
    await user.paste('A plan with fixed meetings.');
    await user.click(dialog.getByRole('button', { name: 'Send answer' }));
    await vi.waitFor(() =>
      expect(action).toHaveBeenCalledWith(request().id, 'answer', { message: 'A plan with fixed meetings.' }),
    );
  });

  it('offers the unit a follow-up instead of an answer', async () => {
    renderWith('en', 'unit_worker', request());
    expect(await screen.findByRole('button', { name: 'Follow up' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Answer' })).not.toBeInTheDocument();
  });

  it('shows neither button on a closed thread', async () => {
    renderWith('en', 'contact_point', request({ status: 'closed', actions: [], closedAt: '2026-12-02T09:00:00.000Z' }));
    await screen.findByTestId('advice-thread');
    expect(screen.queryByRole('button', { name: 'Answer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Close' })).not.toBeInTheDocument();
  });

  it('words a refusal of a thread closed meanwhile in the user’s language, in the dialog', async () => {
    const user = userEvent.setup({ delay: null });
    renderWith('da', 'unit_worker', request(), async () => {
      throw new HttpError('closed', 409, { statusCode: 409, code: 'ADVICE_WRONG_STATUS', message: 'closed' });
    });
    await user.click(await screen.findByRole('button', { name: 'Luk' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByRole('button', { name: 'Luk tråd' }));
    expect(await dialog.findByText(/Rådgivningstråden er lukket/)).toBeInTheDocument();
  });

  it('refuses an identity number before sending', async () => {
    const user = userEvent.setup({ delay: null });
    const action = renderWith('en', 'unit_worker', request());
    await user.click(await screen.findByRole('button', { name: 'Follow up' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByLabelText(/^Your follow-up/));
    await user.paste('Ask about 010203-1234');
    await user.click(dialog.getByRole('button', { name: 'Send follow-up' }));
    expect(await dialog.findByText(/identity number|CPR/i)).toBeInTheDocument();
    expect(action).not.toHaveBeenCalled();
  });
});
