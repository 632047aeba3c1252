import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError, RecordContextProvider, testDataProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { TestAdmin, type Locale } from '../testing/TestAdmin';
import type { AdmissionReview, AdmissionReviewAction, Assessment } from '../types';
import { AdmissionStatisticsTable } from './AdmissionStatisticsCard';
import { AssessmentPanel } from './AssessmentPanel';
import { AssessmentForm } from './CaseAdmission';
import { OpenReviewsCard } from './OpenReviewsCard';
import { ReviewActions } from './ReviewActions';

const assessment: Assessment = {
  caseId: 'c1',
  pushFactors: 'Tired of the conflicts',
  pullFactors: 'A partner outside',
  ownExplanation: 'Wants a calm life',
  helpWished: 'Housing',
  fearAlone: true,
  understandsLeaving: 'Knows the friends will be gone',
  understandsLifestyle: null,
  stepsTaken: 'None yet',
  willToCooperate: 'Meets the unit',
  decision: 'refused',
  decisionReason: 'Fear alone',
  decidedBy: 'u1',
  decidedAt: '2026-12-01T10:00:00.000Z',
  missing: ['understandsLifestyle'],
  purgedAt: null,
};

const review = (actions: AdmissionReviewAction[]): AdmissionReview => ({
  id: 'r1',
  caseId: 'c1',
  caseReference: 'KBH-2026-014',
  unitId: 'u-kbh',
  status: 'requested',
  requestedOn: '2026-12-02',
  requestedBy: 'u1',
  decidedBy: null,
  decidedAt: null,
  actions,
  createdAt: '2026-12-02T10:00:00.000Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
  purgedAt: null,
});

type Action = (id: string, action: string, body?: object) => Promise<{ data: AdmissionReview }>;

const renderActions = (locale: Locale, record: AdmissionReview, admissionReviewAction: Action) => {
  const action = vi.fn(admissionReviewAction);
  render(
    <TestAdmin locale={locale} dataProvider={testDataProvider({ admissionReviewAction: action })}>
      <RecordContextProvider value={record}>
        <ReviewActions />
      </RecordContextProvider>
    </TestAdmin>,
  );
  return action;
};

describe('ReviewActions', () => {
  it('offers only the actions the API lists for this user', async () => {
    renderActions('en', review(['start-review', 'request-info']), async () => ({ data: review([]) }));
    expect(await screen.findByRole('button', { name: 'Request information' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Start review' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Admit' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Uphold refusal' })).not.toBeInTheDocument();
  });

  it('sends the reason of an admission, and shows a four-eyes refusal in Danish inside the dialog', async () => {
    const user = userEvent.setup({ delay: null });
    const action = renderActions('da', review(['admit']), async () => {
      throw new HttpError('four eyes', 403, { code: 'ADMISSION_FOUR_EYES', message: 'four eyes' });
    });
    await user.click(await screen.findByRole('button', { name: 'Optag' }));
    const dialog = within(await screen.findByRole('dialog'));
    await user.click(dialog.getByLabelText(/^Begrundelse for afgørelsen/));
    await user.paste('Motivationen bærer');
    await user.click(dialog.getByRole('button', { name: 'Optag' }));
    await vi.waitFor(() => expect(action).toHaveBeenCalledWith('r1', 'admit', { reason: 'Motivationen bærer' }));
    expect(
      await dialog.findByText('Du deltog i enhedens vurdering; en anden i kontaktpunktet skal afgøre prøvelsen.'),
    ).toBeInTheDocument();
  });
});

describe('AssessmentPanel', () => {
  it("shows motivation and suitability in the seed's order, an unanswered part as such, and the unit's reasons", async () => {
    render(
      <TestAdmin locale="en">
        <AssessmentPanel assessment={assessment} />
      </TestAdmin>,
    );
    expect(await screen.findByText('Tired of the conflicts')).toBeInTheDocument();
    expect(screen.getByText('The motivation rests on fear alone').nextSibling).toHaveTextContent('Yes');
    expect(screen.getByText('Understands what a changed lifestyle means in practice').nextSibling).toHaveTextContent(
      'Not answered',
    );
    expect(screen.getByText('Refused by the unit on 2026-12-01')).toBeInTheDocument();
    expect(screen.getByText('Fear alone')).toBeInTheDocument();
  });
});

describe('AdmissionStatisticsTable', () => {
  it('shows a withheld figure as a dash', async () => {
    render(
      <TestAdmin locale="en">
        <AdmissionStatisticsTable
          statistics={{
            threshold: 5,
            years: [
              {
                year: 2026,
                requested: 7,
                upheld: null,
                admitted: null,
                open: 0,
                medianDaysToDecision: null,
                suppressed: true,
              },
            ],
          }}
        />
      </TestAdmin>,
    );
    const row = (await screen.findByText('2026')).closest('tr')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['2026', '7', '–', '–', '0', '–']);
  });
});

describe('AssessmentForm', () => {
  it('saves only the parts the unit changed, a cleared part as null', async () => {
    const user = userEvent.setup({ delay: null });
    const onSave = vi.fn(async () => undefined);
    render(
      <TestAdmin locale="en">
        <AssessmentForm assessment={assessment} onSave={onSave} />
      </TestAdmin>,
    );
    const steps = await screen.findByLabelText('Plans and steps already taken');
    await user.clear(steps);
    await user.paste('Has moved to a relative');
    await user.clear(screen.getByLabelText('Help the candidate wishes for'));
    await user.click(screen.getByRole('button', { name: 'Save assessment' }));
    await vi.waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ helpWished: null, stepsTaken: 'Has moved to a relative' }),
    );
  });
});

describe('OpenReviewsCard', () => {
  it('lists the open reviews, the longest waiting first, and how many wait', async () => {
    const getList = vi.fn(async () => ({ data: [review(['admit'])], total: 3 }));
    render(
      <TestAdmin locale="en" dataProvider={testDataProvider({ getList } as never)}>
        <OpenReviewsCard />
      </TestAdmin>,
    );
    expect(await screen.findByText('KBH-2026-014')).toBeInTheDocument();
    expect(screen.getByText('3 reviews waiting for a decision')).toBeInTheDocument();
    expect(getList).toHaveBeenCalledWith(
      'admission-reviews',
      expect.objectContaining({
        filter: { status: ['requested', 'in_review', 'info_requested'] },
        sort: { field: 'requestedOn', order: 'ASC' },
      }),
    );
  });
});
