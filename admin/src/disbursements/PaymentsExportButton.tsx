import DownloadIcon from '@mui/icons-material/Download';
import { Button, useListContext, useLocaleState } from 'react-admin';
import { useDownload } from '../common/useDownload';
import { fileLanguage } from '../reports/fileParams';

/**
 * The payments list's Export: the API's own file (`GET /api/disbursements.csv`)
 * with the list's filter, in the user's language: every matching payment,
 * streamed, with labels rather than codes, amounts in kroner and a byte-order mark.
 */
export const PaymentsExportButton = () => {
  const { filterValues, total } = useListContext();
  const [locale] = useLocaleState();
  const { download, pending } = useDownload();
  const exportAll = () =>
    download('disbursements.csv', {
      filter: JSON.stringify(filterValues ?? {}),
      lang: fileLanguage(locale),
    });
  return (
    <Button
      label="ra.action.export"
      onClick={exportAll}
      disabled={pending || total === 0}
      data-testid="payments-export"
    >
      <DownloadIcon />
    </Button>
  );
};
