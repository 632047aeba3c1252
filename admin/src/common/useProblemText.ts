import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import { problemKey, problemMessage } from '../httpClient';

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

/**
 * A refused request in the user's words, by the API's `code` where the UI words it (NOT_FOUND, …),
 * else as useProblemText says it.
 */
export const useRefusalText = () => {
  const translate = useTranslate();
  return useCallback(
    (error: unknown) => {
      const { key, fallback } = problemKey(error);
      return translate(key, { _: translate(fallback, { _: fallback }) });
    },
    [translate],
  );
};
