import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { testDataProvider } from 'react-admin';
import { describe, expect, it, vi } from 'vitest';
import { TestAdmin, type Locale } from '../testing/TestAdmin';
import { ReportDownloads } from './ReportDownloads';
import type { ReportChoices } from './reportChoices';

const choices: ReportChoices = { period: 'year', year: 2026, groupBy: ['unit'] };

const renderDownloads = (locale: Locale) => {
  const downloadFile = vi.fn(async (path: string) => `${path}`);
  render(
    <TestAdmin locale={locale} dataProvider={testDataProvider({ downloadFile })}>
      <ReportDownloads choices={choices} />
    </TestAdmin>,
  );
  return downloadFile;
};

describe('ReportDownloads: the payments file', () => {
  it('asks for no payee reference unless the user ticks it, and says why it matters', async () => {
    const user = userEvent.setup();
    const downloadFile = renderDownloads('en');
    await user.click(await screen.findByTestId('download-payments-csv'));
    expect(downloadFile).toHaveBeenLastCalledWith(
      'disbursements.csv',
      expect.not.objectContaining({ payeeReferences: expect.anything() }),
    );
    await user.click(screen.getByLabelText(/With payee references \(who was paid can show where/));
    await user.click(screen.getByTestId('download-payments-csv'));
    expect(downloadFile).toHaveBeenLastCalledWith(
      'disbursements.csv',
      expect.objectContaining({ payeeReferences: 'true', lang: 'en' }),
    );
  });

  it('offers it in Danish too', async () => {
    renderDownloads('da');
    expect(await screen.findByLabelText(/Med modtagerreferencer/)).not.toBeChecked();
  });
});
