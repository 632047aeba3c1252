import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useListContext, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { useExitPoolDataProvider } from '../dataProvider';
import { problemMessage } from '../httpClient';

/**
 * The payments list's Export: the API's own file (`GET /api/disbursements.csv`)
 * with the list's filter, in the user's language: every matching payment,
 * streamed, with labels rather than codes, amounts in kroner and a byte-order mark.
 */
export const PaymentsExportButton = () => {
  const { filterValues, total } = useListContext();
  const dataProvider = useExitPoolDataProvider();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const translate = useTranslate();
  const [pending, setPending] = useState(false);
  const download = async () => {
    setPending(true);
    try {
      await dataProvider.downloadFile('disbursements.csv', {
        filter: JSON.stringify(filterValues ?? {}),
        lang: locale === 'da' ? 'da' : 'en',
      });
    } catch (error) {
      const message = problemMessage(error);
      notify('app.reports.download_failed', {
        type: 'error',
        messageArgs: { message: translate(message, { _: message }) },
      });
    } finally {
      setPending(false);
    }
  };
  return (
    <Button label="ra.action.export" onClick={download} disabled={pending || total === 0} data-testid="payments-export">
      <DownloadIcon />
    </Button>
  );
};
