import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Form, RecordContextProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { TestAdmin, type Locale } from '../testing/TestAdmin';
import { MoneyField } from './MoneyField';
import { MoneyInput } from './MoneyInput';

const AmountForm = ({
  locale,
  onSubmit,
  defaultValues,
}: {
  locale: Locale;
  onSubmit: (values: Record<string, unknown>) => void;
  defaultValues?: Record<string, unknown>;
}) => (
  <TestAdmin locale={locale}>
    <Form onSubmit={onSubmit} defaultValues={defaultValues} record={{}}>
      <MoneyInput source="amountRequested" resource="applications" />
      <button type="submit">send</button>
    </Form>
  </TestAdmin>
);

/** Types `text` into the amount input labelled `label` and sends the form; answers what the form sent. */
const submitTyped = async (locale: Locale, label: string, text: string) => {
  const onSubmit = vi.fn();
  const user = userEvent.setup({ delay: null });
  render(<AmountForm locale={locale} onSubmit={onSubmit} />);
  const input = await screen.findByLabelText(label);
  await user.type(input, text);
  await user.click(screen.getByRole('button', { name: 'send' }));
  return { onSubmit, input };
};

describe('MoneyInput', () => {
  it('keeps "1.234,50" typed in Danish as 123450 minor units', async () => {
    const { onSubmit, input } = await submitTyped('da', 'Ansøgt', '1.234,50');
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({ amountRequested: 123450 });
    // the text stays as the user wrote it
    expect(input).toHaveValue('1.234,50');
    expect(screen.getByText('kr.')).toBeInTheDocument();
  });

  it('keeps "1,234.50" typed in English as 123450 minor units', async () => {
    const { onSubmit, input } = await submitTyped('en', 'Requested', '1,234.50');
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({ amountRequested: 123450 });
    expect(input).toHaveValue('1,234.50');
    expect(screen.getByText('DKK')).toBeInTheDocument();
  });

  it('takes whole kroner and a single decimal', async () => {
    const { onSubmit } = await submitTyped('da', 'Ansøgt', '20000,5');
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({ amountRequested: 2000050 });
  });

  it('refuses English grouping in Danish with the Danish message, and sends nothing', async () => {
    const { onSubmit, input } = await submitTyped('da', 'Ansøgt', '1,234.50');
    expect(await screen.findByText('Et beløb, f.eks. 1500 eller 1500,50')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses words in English with the English message, and sends nothing', async () => {
    const { onSubmit, input } = await submitTyped('en', 'Requested', 'twelve');
    expect(await screen.findByText('An amount, e.g. 1500 or 1500.50')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('keeps "1 234,50" typed in Finnish as 123450 minor units, and names DKK by its code', async () => {
    const { onSubmit, input } = await submitTyped('fi', 'Haettu', '1 234,50');
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({ amountRequested: 123450 });
    expect(input).toHaveValue('1 234,50');
    expect(screen.getByText('DKK')).toBeInTheDocument();
  });

  it('refuses words in Finnish with the Finnish message', async () => {
    const { onSubmit } = await submitTyped('fi', 'Haettu', 'kaksitoista');
    expect(await screen.findByText('Summa, esim. 1500 tai 1500,50')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it.each([
    ['da', 'Ansøgt', '1234,50'],
    ['en', 'Requested', '1234.50'],
    ['fi', 'Haettu', '1234,50'],
  ] as const)('shows a prefilled 123450 minor units for editing in %s as %s', async (locale, label, shown) => {
    render(<AmountForm locale={locale} onSubmit={() => undefined} defaultValues={{ amountRequested: 123450 }} />);
    expect(await screen.findByLabelText(label)).toHaveValue(shown);
  });
});

describe('MoneyField', () => {
  it.each([
    ['da', 123450, '1.234,50 kr.'],
    ['en', 123450, 'DKK 1,234.50'],
    ['da', 200000000, '2.000.000,00 kr.'],
    ['en', 200000000, 'DKK 2,000,000.00'],
    ['da', 5, '0,05 kr.'],
    ['en', 5, 'DKK 0.05'],
    // a Finnish screen of a Danish installation: the Finnish number (no-break spaces, seen as spaces), the code
    ['fi', 123450, '1 234,50 DKK'],
    ['fi', 200000000, '2 000 000,00 DKK'],
  ] as const)('shows %s minor units %i as "%s"', async (locale, minor, shown) => {
    render(
      <TestAdmin locale={locale}>
        <RecordContextProvider value={{ id: 'a', amountApproved: minor }}>
          <MoneyField source="amountApproved" />
        </RecordContextProvider>
      </TestAdmin>,
    );
    expect(await screen.findByText(shown)).toBeInTheDocument();
  });
});
