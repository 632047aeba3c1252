import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import { problemMessage } from '../httpClient';

/**
 * A failed request in the user's words: a known message key translated, the API's own
 * text as it came where no key matches.
 */
export const useProblemText = () => {
  const translate = useTranslate();
  return useCallback(
    (error: unknown) => {
      const message = problemMessage(error);
      return translate(message, { _: message });
    },
    [translate],
  );
};
