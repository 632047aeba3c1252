import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError, RecordContextProvider, testDataProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { inReviewApplication, OVER_LIMIT } from '../testing/records';
import { TestAdmin, type Locale } from '../testing/TestAdmin';
import type { Application, Finding } from '../types';
import { ApproveButton } from './ApproveButton';

const FIRST_APPROVER = '3b0e8f52-6a61-4c2e-9a55-0c1d2e3f4a01';

const overCaseLimit: Finding = {
  rule: 'amount-per-case',
  severity: 'warn',
  message: 'The case would reach DKK 45,000.00, above its limit of DKK 40,000.00',
  messageDa: 'Sagen ville nå 45.000,00 kr., over grænsen på 40.000,00 kr.',
};

const application = (changes: Partial<Application>): Application =>
  inReviewApplication({ names: { [FIRST_APPROVER]: 'Ida Holm' }, ...changes });

/** Awaiting the second approval: the first approver granted 20,000.00 and justified the warning. */
const secondApproval = application({
  status: 'awaiting_second_approval',
  amountApproved: 2000000,
  firstApprovedAmount: 2000000,
  firstApprovedBy: FIRST_APPROVER,
  firstApprovedAt: '2026-12-01T10:00:00.000Z',
  overrides: [
    {
      rule: 'amount-per-application',
      justification: 'Only safe flat free this week',
      by: FIRST_APPROVER,
      at: '2026-12-01T10:00:00.000Z',
    },
  ],
});

type ApplicationAction = (id: string, action: string, body?: object) => Promise<{ data: Application }>;

/** The approve button of `record`, with a data provider whose only working method is `applicationAction`. */
const renderApprove = (locale: Locale, record: Application, applicationAction: ApplicationAction) => {
  const action = vi.fn(applicationAction);
  render(
    <TestAdmin locale={locale} dataProvider={testDataProvider({ applicationAction: action })}>
      <RecordContextProvider value={record}>
        <ApproveButton />
      </RecordContextProvider>
    </TestAdmin>,
  );
  return action;
};

const accepted: ApplicationAction = async (id) => ({ data: application({ id, status: 'approved' }) });

/** Puts `text` into a free-text field in one input event, as pasting does: keystrokes re-render the whole dialog. */
const write = async (user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) => {
  await user.click(field);
  await user.paste(text);
};

const openDialog = async (user: ReturnType<typeof userEvent.setup>, button: string) => {
  await user.click(await screen.findByRole('button', { name: button }));
  return within(await screen.findByRole('dialog'));
};

describe('ApproveButton', () => {
  it('asks a written justification for each warning and sends each as typed', async () => {
    const user = userEvent.setup({ delay: null });
    const action = renderApprove('en', application({ findings: [OVER_LIMIT, overCaseLimit] }), accepted);
    const dialog = await openDialog(user, 'Approve');

    await write(user, dialog.getByLabelText(/^Reason for the decision/), 'Threat confirmed by the police');
    const perApplication = dialog.getByLabelText(/^Justification: Limit per application/);
    const perCase = dialog.getByLabelText(/^Justification: Limit per case/);
    expect(perApplication).toHaveValue('');
    expect(perCase).toHaveValue('');

    // one justification is not enough: the other rule still asks for its own
    await write(user, perApplication, 'Only safe flat free this week');
    await user.click(dialog.getByRole('button', { name: 'Approve' }));
    expect(await dialog.findByText('Required')).toBeInTheDocument();
    expect(perCase).toHaveAccessibleDescription('Required');
    expect(perApplication).not.toHaveAccessibleDescription('Required');
    expect(action).not.toHaveBeenCalled();

    await write(user, perCase, 'Earlier grant of the case was for tattoo removal, not housing');
    await user.click(dialog.getByRole('button', { name: 'Approve' }));
    await vi.waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action).toHaveBeenCalledWith('a7c1d9e0-5b2f-4f7e-8a43-6d0e1f2a3b4c', 'approve', {
      amountApproved: 2500000,
      reason: 'Threat confirmed by the police',
      overrides: [
        { rule: 'amount-per-application', justification: 'Only safe flat free this week' },
        {
          rule: 'amount-per-case',
          justification: 'Earlier grant of the case was for tattoo removal, not housing',
        },
      ],
    });
  });

  it('sends a partial amount typed in Danish in minor units', async () => {
    const user = userEvent.setup({ delay: null });
    const action = renderApprove('da', application({ findings: [OVER_LIMIT] }), accepted);
    const dialog = await openDialog(user, 'Bevilg');

    const amount = dialog.getByLabelText(/^Bevilget/);
    expect(amount).toHaveValue('25000,00');
    await user.clear(amount);
    await user.type(amount, '20.000');
    await write(user, dialog.getByLabelText(/^Begrundelse for afgørelsen/), 'Delvis bevilling');
    await write(user, dialog.getByLabelText(/^Begrundelse: Grænse pr. ansøgning/), 'Kun den billigste bolig');
    await user.click(dialog.getByRole('button', { name: 'Bevilg' }));
    await vi.waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(action.mock.calls[0][2]).toEqual({
      amountApproved: 2000000,
      reason: 'Delvis bevilling',
      overrides: [{ rule: 'amount-per-application', justification: 'Kun den billigste bolig' }],
    });
  });

  it('asks for a justification of a warning the API answers with, and sends it beside the first', async () => {
    const user = userEvent.setup({ delay: null });
    const action = renderApprove('da', application({ findings: [OVER_LIMIT] }), async () => {
      throw new HttpError('Each warning needs a justification', 409, {
        code: 'APPLICATION_WARNINGS_NOT_OVERRIDDEN',
        message: 'Each warning needs a justification',
        findings: [overCaseLimit],
      });
    });
    const dialog = await openDialog(user, 'Bevilg');
    await write(user, dialog.getByLabelText(/^Begrundelse for afgørelsen/), 'Akut flytning');
    await write(user, dialog.getByLabelText(/^Begrundelse: Grænse pr. ansøgning/), 'Eneste ledige');
    await user.click(dialog.getByRole('button', { name: 'Bevilg' }));

    expect(
      await dialog.findByText('Hver advarsel kræver en skriftlig begrundelse. Se fundene nedenfor.'),
    ).toBeInTheDocument();
    const perCase = await dialog.findByLabelText(/^Begrundelse: Grænse pr. sag/);
    expect(perCase).toHaveValue('');
    // what was typed before the refusal is kept
    expect(dialog.getByLabelText(/^Begrundelse: Grænse pr. ansøgning/)).toHaveValue('Eneste ledige');

    action.mockImplementation(accepted);
    await write(user, perCase, 'Sagens tidligere bevilling var til tatovering');
    await user.click(dialog.getByRole('button', { name: 'Bevilg' }));
    await vi.waitFor(() => expect(action).toHaveBeenCalledTimes(2));
    expect(action.mock.calls[1][2]).toEqual({
      amountApproved: 2500000,
      reason: 'Akut flytning',
      overrides: [
        { rule: 'amount-per-application', justification: 'Eneste ledige' },
        { rule: 'amount-per-case', justification: 'Sagens tidligere bevilling var til tatovering' },
      ],
    });
  });

  describe('at the second approval', () => {
    const firstApproverLine = (text: string) => (_: string, element: Element | null) =>
      element?.tagName === 'P' && element.textContent === text;

    it("shows the first approver's justification without filling it in, and refuses an empty one", async () => {
      const user = userEvent.setup({ delay: null });
      const action = renderApprove('en', secondApproval, accepted);
      const dialog = await openDialog(user, 'Second approval');

      expect(
        dialog.getByText(firstApproverLine('First approver (Ida Holm): Only safe flat free this week')),
      ).toBeInTheDocument();
      const own = dialog.getByLabelText(/^Justification: Limit per application/);
      expect(own).toHaveValue('');
      // the amount the first approver granted, not open to change
      expect(dialog.getByLabelText(/^Approved/)).toHaveValue('20000.00');
      expect(dialog.getByLabelText(/^Approved/)).toHaveAttribute('readonly');

      await write(user, dialog.getByLabelText(/^Reason for the decision/), 'Agree with the first');
      await user.click(dialog.getByRole('button', { name: 'Approve' }));
      expect(await dialog.findByText('Write your own justification, or confirm without one:')).toBeInTheDocument();
      expect(own).toHaveAccessibleDescription('Write your own justification, or confirm without one:');
      expect(action).not.toHaveBeenCalled();
    });

    it('sends the justification the second approver writes', async () => {
      const user = userEvent.setup({ delay: null });
      const action = renderApprove('da', secondApproval, accepted);
      const dialog = await openDialog(user, 'Anden godkendelse');

      expect(
        dialog.getByText(firstApproverLine('Første godkender (Ida Holm): Only safe flat free this week')),
      ).toBeInTheDocument();
      await write(user, dialog.getByLabelText(/^Begrundelse for afgørelsen/), 'Enig');
      await write(
        user,
        dialog.getByLabelText(/^Begrundelse: Grænse pr. ansøgning/),
        'Politiets trusselsvurdering er ny',
      );
      await user.click(dialog.getByRole('button', { name: 'Bevilg' }));
      await vi.waitFor(() => expect(action).toHaveBeenCalledTimes(1));
      expect(action.mock.calls[0][2]).toEqual({
        amountApproved: 2000000,
        reason: 'Enig',
        overrides: [{ rule: 'amount-per-application', justification: 'Politiets trusselsvurdering er ny' }],
      });
    });

    it('sends no justification of their own when the second approver confirms explicitly', async () => {
      const user = userEvent.setup({ delay: null });
      const action = renderApprove('da', secondApproval, accepted);
      const dialog = await openDialog(user, 'Anden godkendelse');

      await write(user, dialog.getByLabelText(/^Begrundelse for afgørelsen/), 'Enig');
      await user.click(dialog.getByLabelText('Jeg er enig med første godkender og tilføjer ingen egen begrundelse'));
      await user.click(dialog.getByRole('button', { name: 'Bevilg' }));
      await vi.waitFor(() => expect(action).toHaveBeenCalledTimes(1));
      // neither the first approver's words under the second's name, nor an empty justification
      expect(action.mock.calls[0][2]).toEqual({ amountApproved: 2000000, reason: 'Enig' });
    });
  });
});
