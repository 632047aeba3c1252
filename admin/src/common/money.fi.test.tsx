import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form, RecordContextProvider } from 'react-admin';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TestAdmin } from '../testing/TestAdmin';
import { serve } from '../testing/fetchStub';
import { MoneyField } from './MoneyField';
import { MoneyInput } from './MoneyInput';
import { currentSettings, loadSettings } from './settings';

// A Finnish installation (GET /api/settings answers EUR): its own module state, so a file of its own.
beforeAll(async () => {
  serve({
    'GET /api/settings': {
      status: 200,
      body: { installation: 'fi', currency: 'EUR', locale: 'fi-FI', language: 'fi', demo: true },
    },
  });
  await loadSettings();
  expect(currentSettings()).toMatchObject({ currency: 'EUR', language: 'fi' });
});

describe('money in a Finnish installation', () => {
  it.each([
    ['fi', 123450, '1 234,50 €'],
    ['fi', 200000000, '2 000 000,00 €'],
    ['fi', -5, '-0,05 €'],
    ['da', 123450, '1.234,50 EUR'],
    ['en', 123450, 'EUR 1,234.50'],
  ] as const)('shows in %s %i minor units as "%s"', async (locale, minor, shown) => {
    render(
      <TestAdmin locale={locale}>
        <RecordContextProvider value={{ id: 'a', amountApproved: minor }}>
          <MoneyField source="amountApproved" />
        </RecordContextProvider>
      </TestAdmin>,
    );
    const field = await screen.findByText(shown);
    // Finnish spaces are no-break spaces, so that an amount never wraps
    if (locale === 'fi') expect(field.textContent).toBe(shown.replace(/ /g, '\u00a0'));
  });

  it('takes "1 234,50" typed in Finnish, with € beside the input', async () => {
    const onSubmit = vi.fn();
    const user = userEvent.setup({ delay: null });
    render(
      <TestAdmin locale="fi">
        <Form onSubmit={onSubmit} record={{}}>
          <MoneyInput source="amountRequested" resource="applications" />
          <button type="submit">send</button>
        </Form>
      </TestAdmin>,
    );
    await user.type(await screen.findByLabelText('Haettu'), '1 234,50');
    await user.click(screen.getByRole('button', { name: 'send' }));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({ amountRequested: 123450 });
    expect(screen.getByText('€')).toBeInTheDocument();
  });
});
