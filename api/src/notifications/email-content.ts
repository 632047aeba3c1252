import type { Language, NotificationEvent, NotificationResource } from '@app/contract';

/**
 * The words of a notification e-mail. An e-mail leaves the product and may be read on a
 * phone in a public place: it names the event, the reference and a link, never what
 * (no narrative, justification, message, amount or unit name). Everything here is
 * built from those three only, so nothing else can reach the text.
 */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** What one notification e-mail is made of, and nothing more. */
export interface EmailFacts {
  event: NotificationEvent;
  reference: string;
  urgent: boolean;
  /** The react-admin resource and record the link opens. */
  resource: NotificationResource;
  recordId: string;
}

export type DigestItem = Pick<EmailFacts, 'event' | 'reference' | 'urgent'>;

const PHRASES: Record<Language, Record<NotificationEvent, string>> = {
  en: {
    information_requested: 'information requested',
    application_approved: 'approved',
    application_partly_approved: 'partly approved',
    application_rejected: 'rejected',
    grant_cancelled: 'grant cancelled',
    grant_carried_over: 'grant carried over to the next budget year',
    payment_recorded: 'payment recorded',
    refund_recorded: 'refund recorded',
    application_submitted: 'submitted for review',
    application_answered: 'answer received',
    second_approval_waiting: 'waiting for a second approval',
    review_overdue: 'waiting too long for review',
    grant_payable: 'ready for payment',
    year_end_grant_carried_over: 'year end: grant carried over',
    year_end_grant_cancelled: 'year end: grant cancelled',
    account_locked: 'account locked after too many failed sign-ins',
    advice_requested: 'advice requested',
    advice_answered: 'advice answered',
    advice_followed_up: 'follow-up on an advice request',
    admission_review_requested: 'admission review requested',
    admission_review_answered: 'admission review: answer received',
    admission_review_info_requested: 'admission review: information requested',
    admission_review_upheld: 'admission review: refusal upheld',
    admission_review_admitted: 'admission review: candidate admitted',
    case_transfer_proposed: 'a case is proposed to your unit',
    case_transfer_accepted: 'case transfer accepted',
    case_transfer_declined: 'case transfer declined',
    case_transferred: 'case transferred',
  },
  da: {
    information_requested: 'der er bedt om oplysninger',
    application_approved: 'bevilget',
    application_partly_approved: 'delvist bevilget',
    application_rejected: 'afslået',
    grant_cancelled: 'bevilling annulleret',
    grant_carried_over: 'bevilling overført til næste budgetår',
    payment_recorded: 'udbetaling registreret',
    refund_recorded: 'tilbagebetaling registreret',
    application_submitted: 'indsendt til behandling',
    application_answered: 'svar modtaget',
    second_approval_waiting: 'afventer anden godkendelse',
    review_overdue: 'har ventet for længe på behandling',
    grant_payable: 'klar til udbetaling',
    year_end_grant_carried_over: 'årsafslutning: bevilling overført',
    year_end_grant_cancelled: 'årsafslutning: bevilling annulleret',
    account_locked: 'konto spærret efter for mange mislykkede login',
    advice_requested: 'der er bedt om råd',
    advice_answered: 'rådgivning besvaret',
    advice_followed_up: 'opfølgning på en anmodning om råd',
    admission_review_requested: 'prøvelse af optagelse anmodet',
    admission_review_answered: 'prøvelse af optagelse: svar modtaget',
    admission_review_info_requested: 'prøvelse af optagelse: der er bedt om oplysninger',
    admission_review_upheld: 'prøvelse af optagelse: afslaget fastholdt',
    admission_review_admitted: 'prøvelse af optagelse: kandidaten optaget',
    case_transfer_proposed: 'en sag er foreslået overdraget til jeres enhed',
    case_transfer_accepted: 'overdragelse af sag accepteret',
    case_transfer_declined: 'overdragelse af sag afvist',
    case_transferred: 'sag overdraget',
  },
  fi: {
    information_requested: 'lisätietoja pyydetty',
    application_approved: 'myönnetty',
    application_partly_approved: 'osittain myönnetty',
    application_rejected: 'hylätty',
    grant_cancelled: 'avustus peruttu',
    grant_carried_over: 'avustus siirretty seuraavalle budjettivuodelle',
    payment_recorded: 'maksu kirjattu',
    refund_recorded: 'palautus kirjattu',
    application_submitted: 'lähetetty käsiteltäväksi',
    application_answered: 'vastaus saatu',
    second_approval_waiting: 'odottaa toista hyväksyntää',
    review_overdue: 'odottanut käsittelyä liian kauan',
    grant_payable: 'valmis maksettavaksi',
    year_end_grant_carried_over: 'vuodenvaihde: avustus siirretty',
    year_end_grant_cancelled: 'vuodenvaihde: avustus peruttu',
    account_locked: 'käyttäjätili lukittu liian monen epäonnistuneen kirjautumisen jälkeen',
    advice_requested: 'neuvoa pyydetty',
    advice_answered: 'neuvopyyntöön vastattu',
    advice_followed_up: 'neuvopyyntöä täydennetty',
    admission_review_requested: 'ohjelmaan ottamisen uudelleenarviointia pyydetty',
    admission_review_answered: 'uudelleenarviointi: vastaus saatu',
    admission_review_info_requested: 'uudelleenarviointi: lisätietoja pyydetty',
    admission_review_upheld: 'uudelleenarviointi: kielteinen päätös pysyy',
    admission_review_admitted: 'uudelleenarviointi: asiakas otettu ohjelmaan',
    case_transfer_proposed: 'tapausta ehdotetaan siirrettäväksi yksikköönne',
    case_transfer_accepted: 'tapauksen siirto hyväksytty',
    case_transfer_declined: 'tapauksen siirto hylätty',
    case_transferred: 'tapaus siirretty',
  },
};

const WORDS = {
  en: {
    urgent: 'URGENT',
    open: 'Open it in Exit Pool',
    openAll: 'Open your notifications in Exit Pool',
    why: 'This e-mail only says that something needs your attention. Sign in to see more.',
    settings: 'You can choose e-mail per event, a daily digest or none on your Account page.',
    digest: (n: number) => `Exit Pool: ${n} new notification${n === 1 ? '' : 's'}`,
  },
  da: {
    urgent: 'HASTER',
    open: 'Åbn den i Exit Pool',
    openAll: 'Åbn dine notifikationer i Exit Pool',
    why: 'Denne e-mail siger kun, at noget kræver din opmærksomhed. Log ind for at se mere.',
    settings: 'Du kan vælge e-mail for hver hændelse, en daglig oversigt eller ingen på din kontoside.',
    digest: (n: number) => `Exit Pool: ${n} ${n === 1 ? 'ny notifikation' : 'nye notifikationer'}`,
  },
  fi: {
    urgent: 'KIIREELLINEN',
    open: 'Avaa se Exit Poolissa',
    openAll: 'Avaa ilmoituksesi Exit Poolissa',
    why: 'Tämä sähköposti kertoo vain, että jokin vaatii huomiotasi. Kirjaudu sisään nähdäksesi lisää.',
    settings:
      'Voit valita käyttäjätilisi sivulla sähköpostin jokaisesta tapahtumasta, päivittäisen koosteen tai ei sähköpostia.',
    digest: (n: number) => `Exit Pool: ${n} ${n === 1 ? 'uusi ilmoitus' : 'uutta ilmoitusta'}`,
  },
} as const;

/** The phrase of an event in a language, e.g. `information requested`. */
export const eventPhrase = (event: NotificationEvent, language: Language): string => PHRASES[language][event];

/** `KBH-2026-014-A1: information requested`, marked when urgent. */
export function headline(item: DigestItem, language: Language): string {
  const line = `${item.reference}: ${eventPhrase(item.event, language)}`;
  return item.urgent ? `${WORDS[language].urgent} ${line}` : line;
}

/** The product's page of the record, e.g. `https://exitpool.example/#/applications/<id>/show`. */
export function recordLink(publicUrl: string, resource: EmailFacts['resource'], recordId: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return resource === 'users' ? `${base}/#/users/${recordId}` : `${base}/#/${resource}/${recordId}/show`;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function compose(subject: string, lines: string[], linkLabel: string, link: string, language: Language): EmailContent {
  const words = WORDS[language];
  const text = [...lines, '', `${linkLabel}: ${link}`, '', words.why, words.settings, ''].join('\n');
  const html = [
    `<!doctype html><html lang="${language}"><body style="font-family:sans-serif">`,
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p><a href="${escapeHtml(link)}">${escapeHtml(linkLabel)}</a></p>`,
    `<p style="color:#555">${escapeHtml(words.why)}<br>${escapeHtml(words.settings)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** The e-mail of one notification, in the recipient's language. */
export function notificationEmail(facts: EmailFacts, language: Language, publicUrl: string): EmailContent {
  const subject = headline(facts, language);
  const link = recordLink(publicUrl, facts.resource, facts.recordId);
  return compose(subject, [`${subject}.`], WORDS[language].open, link, language);
}

/** The daily digest: one line per notification, and a link to the product's list of them. */
export function digestEmail(items: DigestItem[], language: Language, publicUrl: string): EmailContent {
  const link = `${publicUrl.replace(/\/+$/, '')}/#/notifications`;
  const lines = items.map((i) => `- ${headline(i, language)}`);
  return compose(WORDS[language].digest(items.length), lines, WORDS[language].openAll, link, language);
}
