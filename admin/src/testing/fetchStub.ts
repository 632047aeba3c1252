import { vi } from 'vitest';

// The API stood in for by a stubbed global `fetch` answering the platform's own `Response` objects
// (see dataProvider.test.tsx for why not a local HTTP server): the product's real data provider and
// httpClient read status, headers and body exactly as in the browser.

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An answer by "METHOD /path" (the query string left out), or a function of the request for one that changes. */
export type Answers = Record<string, Answer | ((url: URL, init?: RequestInit) => Answer)>;

/** A list's answer in the simple REST convention: the records and their `Content-Range`. */
export const listAnswer = (resource: string, records: unknown[], total = records.length): Answer => ({
  status: 200,
  body: records,
  headers: { 'Content-Range': `${resource} 0-${Math.max(records.length - 1, 0)}/${total}` },
});

/** Stubs `fetch`; anything not in `answers` is a 500. Answers the stub, whose calls tests read. */
export const serve = (answers: Answers) => {
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const found = answers[`${init?.method ?? 'GET'} ${url.pathname}`];
    const answer = (typeof found === 'function' ? found(url, init) : found) ?? { status: 500 };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: {
        ...(answer.body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
        ...answer.headers,
      },
    });
  });
  vi.stubGlobal('fetch', fetchStub);
  return fetchStub;
};

export type FetchStub = ReturnType<typeof serve>;

/** The calls of the stub to "METHOD /path", each as its URL and parsed JSON body. */
export const callsTo = (fetchStub: FetchStub, request: string) =>
  fetchStub.mock.calls
    .map(([input, init]) => ({ url: new URL(String(input), 'http://localhost'), init }))
    .filter(({ url, init }) => `${init?.method ?? 'GET'} ${url.pathname}` === request)
    .map(({ url, init }) => ({
      url,
      body: init?.body === undefined ? undefined : (JSON.parse(String(init.body)) as unknown),
    }));

/** Signs a user in as the login page does, so that httpClient sends a bearer token. */
export const SIGNED_IN_USER = {
  id: '5d4c3b2a-1f0e-4d9c-8b7a-695847362514',
  email: 'kbh@demo.test',
  displayName: 'Karen Holm',
  role: 'unit_worker',
  unitId: 'u0a1b2c3-d4e5-4f60-8172-839405162738',
  party: 'police',
} as const;

/** On a phone: MUI's media queries below `sm` match (jsdom has no matchMedia of its own). */
export const onPhone = () =>
  vi.stubGlobal(
    'matchMedia',
    (query: string) =>
      ({
        matches: query.includes('max-width'),
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList,
  );
