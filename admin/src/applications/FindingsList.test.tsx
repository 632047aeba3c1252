import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TestAdmin } from '../testing/TestAdmin';
import type { Finding } from '../types';
import { FindingsList } from './FindingsList';

const OVER_LIMIT: Finding = {
  rule: 'amount-per-application',
  severity: 'block',
  message: 'The amount requested, EUR 8,001.00, is more than the most per application in this category, EUR 8,000.00.',
  messageDa: 'Det ansøgte beløb, 8.001,00 EUR, er mere end det højeste beløb pr. ansøgning i kategorien, 8.000,00 EUR.',
  messageFi:
    'Haettu summa, 8\u00a0001,00\u00a0€, on enemmän kuin luokan enimmäismäärä hakemusta kohden, 8\u00a0000,00\u00a0€.',
};

// kept with an application checked before Finnish was a language of the product
const KEPT_FROM_BEFORE: Finding = {
  rule: 'required-documents',
  severity: 'warn',
  message: 'The application lacks a quote.',
  messageDa: 'Ansøgningen mangler et tilbud.',
};

describe('FindingsList in Finnish', () => {
  it('names the severity and the rule in Finnish and gives the Finnish message', async () => {
    render(
      <TestAdmin locale="fi">
        <FindingsList findings={[KEPT_FROM_BEFORE, OVER_LIMIT]} />
      </TestAdmin>,
    );
    expect(await screen.findByText('Estää · Enimmäismäärä hakemusta kohden')).toBeInTheDocument();
    expect(
      screen.getByText('Haettu summa, 8 001,00 €, on enemmän kuin luokan enimmäismäärä hakemusta kohden, 8 000,00 €.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Varoitus · Vaaditut asiakirjat')).toBeInTheDocument();
    // no Finnish message was kept with it: the English one
    expect(screen.getByText('The application lacks a quote.')).toBeInTheDocument();
  });
});
