import { LANGUAGES, NOTIFICATION_EVENTS, type NotificationEvent } from '@app/contract';
import { digestEmail, type EmailFacts, eventPhrase, headline, notificationEmail, recordLink } from './email-content.js';

const URL = 'https://exitpool.example.org';
const RECORD = '0b5f3c2e-8d1a-4f7e-9a3b-2c6d8e0f1a2b';
// what an application holds that an e-mail must never say
const NARRATIVE = 'Kandidaten flytter til Vesterbro efter trusler fra Bandidos';
const SECRETS = [
  NARRATIVE,
  'Vesterbro',
  'Bandidos',
  'Københavns Politi',
  '12500',
  '12.500',
  '12,500',
  '125.00',
  'DKK',
  'kr.',
];

/** An application-shaped object with narrative, amount and unit name beside the facts an e-mail may use. */
const facts = (event: NotificationEvent): EmailFacts =>
  ({
    event,
    reference: event === 'account_locked' ? 'locked.user@example.org' : 'KBH-2026-014-A1',
    urgent: false,
    resource: event === 'account_locked' ? 'users' : 'applications',
    recordId: RECORD,
    justification: NARRATIVE,
    decisionReason: NARRATIVE,
    message: NARRATIVE,
    amountApproved: 1_250_000n,
    amountRequested: 1_250_000,
    unitName: 'Københavns Politi',
  }) as EmailFacts;

describe(notificationEmail.name, () => {
  describe.each(NOTIFICATION_EVENTS.map((e) => [e]))('for %s', (event) => {
    it.each(LANGUAGES.map((l) => [l]))(
      'names the event and the reference with a link, in %s, and nothing else',
      (language) => {
        const f = facts(event);
        const mail = notificationEmail(f, language, URL);
        expect(mail.subject).toBe(`${f.reference}: ${eventPhrase(event, language)}`);
        const link = recordLink(URL, f.resource, RECORD);
        for (const part of [mail.text, mail.html]) {
          expect(part).toContain(eventPhrase(event, language).replace(/'/g, '&#39;'));
          expect(part).toContain(f.reference);
          expect(part).toContain(link);
        }
        const all = `${mail.subject}\n${mail.text}\n${mail.html}`;
        for (const secret of SECRETS) expect(all).not.toContain(secret);
      },
    );
  });

  it('words an event differently in Danish and English', () => {
    const en = notificationEmail(facts('information_requested'), 'en', URL);
    const da = notificationEmail(facts('information_requested'), 'da', URL);
    expect(en.subject).toBe('KBH-2026-014-A1: information requested');
    expect(da.subject).toBe('KBH-2026-014-A1: der er bedt om oplysninger');
    expect(en.text).toContain('Open it in Exit Pool');
    expect(da.text).toContain('Åbn den i Exit Pool');
  });

  it('words an event in Finnish', () => {
    const fi = notificationEmail(facts('information_requested'), 'fi', URL);
    expect(fi.subject).toBe('KBH-2026-014-A1: lisätietoja pyydetty');
    expect(fi.text).toContain('Avaa se Exit Poolissa');
    expect(fi.html).toContain('<html lang="fi">');
    expect(headline({ event: 'application_submitted', reference: 'X-1', urgent: true }, 'fi')).toBe(
      'KIIREELLINEN X-1: lähetetty käsiteltäväksi',
    );
    expect(digestEmail([facts('payment_recorded')], 'fi', URL).subject).toBe('Exit Pool: 1 uusi ilmoitus');
    expect(digestEmail([facts('payment_recorded'), facts('refund_recorded')], 'fi', URL).subject).toBe(
      'Exit Pool: 2 uutta ilmoitusta',
    );
  });

  it('marks an urgent application in the subject', () => {
    expect(notificationEmail({ ...facts('application_submitted'), urgent: true }, 'en', URL).subject).toBe(
      'URGENT KBH-2026-014-A1: submitted for review',
    );
    expect(headline({ event: 'application_submitted', reference: 'X-1', urgent: true }, 'da')).toBe(
      'HASTER X-1: indsendt til behandling',
    );
  });

  it('links to the record’s page in the product: an application’s show page, a user’s edit page', () => {
    expect(recordLink(`${URL}/`, 'applications', RECORD)).toBe(`${URL}/#/applications/${RECORD}/show`);
    expect(recordLink(URL, 'users', RECORD)).toBe(`${URL}/#/users/${RECORD}`);
  });

  it('escapes what it puts into the HTML', () => {
    const mail = notificationEmail({ ...facts('account_locked'), reference: 'a<b>@x.org' }, 'en', URL);
    expect(mail.html).toContain('a&#60;b&#62;@x.org');
    expect(mail.html).not.toContain('<b>');
  });
});

describe(digestEmail.name, () => {
  it('lists each notification by event and reference, links to the notifications, in the language', () => {
    const items = [
      { ...facts('information_requested'), reference: 'KBH-2026-014-A1' },
      { ...facts('payment_recorded'), reference: 'FYN-2026-003-A2', urgent: true },
    ];
    const en = digestEmail(items, 'en', URL);
    expect(en.subject).toBe('Exit Pool: 2 new notifications');
    expect(en.text).toContain('- KBH-2026-014-A1: information requested');
    expect(en.text).toContain('- URGENT FYN-2026-003-A2: payment recorded');
    expect(en.text).toContain(`${URL}/#/notifications`);
    const da = digestEmail(items.slice(0, 1), 'da', URL);
    expect(da.subject).toBe('Exit Pool: 1 ny notifikation');
    expect(da.html).toContain('KBH-2026-014-A1: der er bedt om oplysninger');
    for (const secret of SECRETS) expect(`${en.subject}${en.text}${en.html}${da.text}`).not.toContain(secret);
  });
});
