import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpError, Notification, RecordContextProvider, useGetOne } from 'react-admin';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApproveButton } from './applications/ApproveButton';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import { session } from './session';
import { inReviewApplication } from './testing/records';
import { TestAdmin, type Locale } from './testing/TestAdmin';
import type { Application } from './types';

// The API is stood in for by a stubbed global `fetch` that answers real `Response` objects, not by a
// local HTTP server: the admin asks for relative URLs (`/api/...`) as a browser page does, which
// Node's fetch cannot resolve without rewriting every URL, and what is under test is how an
// answer is mapped, not the network. The Response objects are the platform's own, so status,
// headers and body are read by react-admin's fetchJson exactly as in the browser.

const APPLICATION_ID = 'a7c1d9e0-5b2f-4f7e-8a43-6d0e1f2a3b4c';

interface Answer {
  status: number;
  body?: unknown;
}

/** Stubs `fetch` with one answer for each "METHOD /path" (anything else is a 500); answers the stub. */
const serve = (answers: Record<string, Answer>) => {
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = answers[`${init?.method ?? 'GET'} ${String(input)}`] ?? { status: 500 };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: answer.body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return fetchStub;
};

/** The `Authorization` header of the stub's call number `call`. */
const authorizationOf = (fetchStub: ReturnType<typeof serve>, call: number) =>
  new Headers(fetchStub.mock.calls[call][1]?.headers).get('Authorization');

const rejection = async (promise: Promise<unknown>): Promise<HttpError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('expected the request to be refused');
};

beforeEach(() => {
  session.save('token-of-ncp2', {
    id: '5d4c3b2a-1f0e-4d9c-8b7a-695847362514',
    email: 'ncp2@demo.test',
    displayName: 'Nina Berg',
    role: 'contact_point',
    unitId: null,
    party: 'national',
  });
});

describe('dataProvider: a 400 with errors and codes', () => {
  const refusal: Answer = {
    status: 400,
    body: {
      statusCode: 400,
      error: 'Bad Request',
      message: [
        'justification must be shorter than or equal to 5000 characters',
        'amountRequested must be a positive amount in minor units',
      ],
      errors: {
        justification: 'justification must be shorter than or equal to 5000 characters',
        amountRequested: 'amountRequested must be a positive amount in minor units',
      },
      // a code the UI words, and one it does not know (its field keeps the API's text)
      codes: { justification: { code: 'maxLength', args: [5000] }, amountRequested: { code: 'isPositiveMinor' } },
    },
  };

  it.each([
    [
      'en',
      'Justification: At most 5000 characters; Requested: amountRequested must be a positive amount in minor units',
      'At most 5000 characters',
    ],
    [
      'da',
      'Begrundelse: Højst 5000 tegn; Ansøgt: amountRequested must be a positive amount in minor units',
      'Højst 5000 tegn',
    ],
  ] as const)('becomes field errors and one line in %s', async (locale, line, justification) => {
    await i18nProvider.changeLocale(locale);
    const fetchStub = serve({ 'POST /api/applications': refusal });

    const error = await rejection(
      dataProvider.create('applications', { data: { caseId: 'c1', justification: 'x', amountRequested: 0 } }),
    );

    expect(error.status).toBe(400);
    expect(error.message).toBe(line);
    expect(error.body).toMatchObject({
      errors: {
        justification,
        amountRequested: 'amountRequested must be a positive amount in minor units',
      },
    });
    expect(authorizationOf(fetchStub, 0)).toBe('Bearer token-of-ncp2');
  });
});

const inReview = inReviewApplication({ id: APPLICATION_ID });

/** Opens the approve dialog on the real data provider, fills it in and sends it; answers the dialog. */
const approve = async (locale: Locale) => {
  const user = userEvent.setup({ delay: null });
  render(
    <TestAdmin locale={locale} dataProvider={dataProvider}>
      <RecordContextProvider value={inReview}>
        <ApproveButton />
      </RecordContextProvider>
    </TestAdmin>,
  );
  const approveLabel = locale === 'da' ? 'Bevilg' : 'Approve';
  await user.click(await screen.findByRole('button', { name: approveLabel }));
  const dialog = within(await screen.findByRole('dialog'));
  await user.click(dialog.getByLabelText(locale === 'da' ? /^Begrundelse for afgørelsen/ : /^Reason for the decision/));
  await user.paste('Threat confirmed');
  await user.click(dialog.getByLabelText(locale === 'da' ? /^Begrundelse: Grænse pr. ansøgning/ : /^Justification:/));
  await user.paste('Only safe flat');
  await user.click(dialog.getByRole('button', { name: approveLabel }));
  return dialog;
};

const approveUrl = `POST /api/applications/${APPLICATION_ID}/approve`;

describe('dataProvider in the approve dialog', () => {
  it("shows a 400's translated error beside the override it names by position", async () => {
    serve({
      [approveUrl]: {
        status: 400,
        body: {
          statusCode: 400,
          error: 'Bad Request',
          message: ['overrides.0.justification must be shorter than or equal to 2000 characters'],
          errors: { 'overrides.0.justification': 'must be shorter than or equal to 2000 characters' },
          codes: { 'overrides.0.justification': { code: 'maxLength', args: [2000] } },
        },
      },
    });
    const dialog = await approve('da');
    expect(await dialog.findByText('Højst 2000 tegn')).toBeInTheDocument();
    expect(dialog.getByLabelText(/^Begrundelse: Grænse pr. ansøgning/)).toHaveAccessibleDescription('Højst 2000 tegn');
  });

  it.each([
    ['da', 'Der er for få penge tilbage i puljen til dette beløb.'],
    ['en', 'The pool has too little money left for this amount.'],
  ] as const)("shows a 409's code as the product's own words in %s", async (locale, words) => {
    const fetchStub = serve({
      [approveUrl]: {
        status: 409,
        body: {
          statusCode: 409,
          error: 'Conflict',
          message: 'Only DKK 12,000.00 left in the pool of 2026',
          code: 'LEDGER_POOL_SHORT',
        },
      },
    });
    const dialog = await approve(locale);
    expect(await dialog.findByText(words)).toBeInTheDocument();
    expect(dialog.queryByText('Only DKK 12,000.00 left in the pool of 2026')).not.toBeInTheDocument();
    // the body as the API takes it, through the real data provider
    const sent = fetchStub.mock.calls.find(([url]) => String(url).endsWith('/approve'));
    expect(JSON.parse(String(sent?.[1]?.body))).toEqual({
      amountApproved: 2500000,
      reason: 'Threat confirmed',
      overrides: [{ rule: 'amount-per-application', justification: 'Only safe flat' }],
    });
  });

  it("shows the API's own message for a 409 whose code the UI does not know", async () => {
    serve({
      [approveUrl]: {
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'Somebody else decided first', code: 'SOMETHING_NEW' },
      },
    });
    const dialog = await approve('da');
    expect(await dialog.findByText('Somebody else decided first')).toBeInTheDocument();
  });
});

/** Reads one application as a page would, with react-admin's notifications shown. */
const ApplicationReference = () => {
  const { data, error } = useGetOne<Application>('applications', { id: APPLICATION_ID });
  if (error) return <p>refused</p>;
  return <p>{data?.reference ?? 'loading'}</p>;
};

const readApplication = (locale: Locale) =>
  render(
    <TestAdmin locale={locale} dataProvider={dataProvider} authProvider={authProvider}>
      <ApplicationReference />
      <Notification />
    </TestAdmin>,
  );

describe('dataProvider: 401, 403 and 404 as react-admin expects', () => {
  const getUrl = `GET /api/applications/${APPLICATION_ID}`;

  it('signs out on a 401, revoking the token, and says the session ended', async () => {
    const fetchStub = serve({
      [getUrl]: { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' } },
      'POST /api/auth/logout': { status: 204 },
    });
    readApplication('da');

    expect(await screen.findByText('Din session er udløbet. Log venligst ind igen.')).toBeInTheDocument();
    expect(session.getToken()).toBeNull();
    const logout = fetchStub.mock.calls.findIndex(([url]) => url === '/api/auth/logout');
    expect(logout).toBeGreaterThan(-1);
    expect(authorizationOf(fetchStub, logout)).toBe('Bearer token-of-ncp2');
  });

  it('stays signed in on a 403 and says the record is not for this user', async () => {
    const fetchStub = serve({
      [getUrl]: { status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'Forbidden resource' } },
    });
    readApplication('da');

    expect(await screen.findByText('refused')).toBeInTheDocument();
    const error = await rejection(dataProvider.getOne('applications', { id: APPLICATION_ID }));
    expect(error.status).toBe(403);
    // a translation key, which react-admin's notification translates
    expect(error.message).toBe('ra.notification.not_authorized');
    await expect(authProvider.checkError(error)).resolves.toBeUndefined();
    expect(session.getToken()).toBe('token-of-ncp2');
    expect(fetchStub.mock.calls.some(([url]) => url === '/api/auth/logout')).toBe(false);
  });

  it('sends a user who must first set up a second factor to the account page, signed in and without a toast', async () => {
    serve({
      [getUrl]: {
        status: 403,
        body: {
          statusCode: 403,
          error: 'Forbidden',
          message: 'Set up a second factor first',
          code: 'AUTH_TOTP_ENROLMENT_REQUIRED',
        },
      },
    });
    const error = await rejection(dataProvider.getOne('applications', { id: APPLICATION_ID }));
    expect(error.status).toBe(403);
    expect(error.message).toBe('app.totp.enrolment_required');
    await expect(authProvider.checkError(error)).rejects.toEqual({
      logoutUser: false,
      redirectTo: '/account',
      message: false,
    });
    expect(session.getToken()).toBe('token-of-ncp2');
    expect(session.isEnrolmentRequired()).toBe(true);
  });

  it("keeps the session on a 404 and carries the API's message", async () => {
    serve({
      [getUrl]: {
        status: 404,
        body: { statusCode: 404, error: 'Not Found', message: 'Application not found', code: 'NOT_FOUND' },
      },
    });
    readApplication('en');

    expect(await screen.findByText('refused')).toBeInTheDocument();
    const error = await rejection(dataProvider.getOne('applications', { id: APPLICATION_ID }));
    expect(error.status).toBe(404);
    expect(error.message).toBe('Application not found');
    await expect(authProvider.checkError(error)).resolves.toBeUndefined();
    expect(session.getToken()).toBe('token-of-ncp2');
  });
});
