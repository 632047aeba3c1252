import { useState } from 'react';
import { useNotify } from 'react-admin';
import { useExitPoolDataProvider } from '../dataProvider';
import { useProblemText } from './useProblemText';

/**
 * A download of one of the API's files with the user's token, and whether one is
 * under way; a refusal is told in a notification. Resolves to the saved file's
 * name, or null when it failed.
 */
export const useDownload = () => {
  const dataProvider = useExitPoolDataProvider();
  const notify = useNotify();
  const problemText = useProblemText();
  const [pending, setPending] = useState(false);
  const download = async (
    path: string,
    params: Record<string, string | number | boolean | undefined>,
  ): Promise<string | null> => {
    setPending(true);
    try {
      return await dataProvider.downloadFile(path, params);
    } catch (error) {
      notify('app.reports.download_failed', { type: 'error', messageArgs: { message: problemText(error) } });
      return null;
    } finally {
      setPending(false);
    }
  };
  return { download, pending };
};
