import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import type { Application } from '../types';

/**
 * A member of staff named by id. The application carries the display names of
 * everybody who acted on it (`names`); the signed-in user is marked "(you)".
 */
export const PersonName = ({
  userId,
  names,
}: {
  userId: string | null | undefined;
  names?: Record<string, string>;
}) => {
  const record = useRecordContext<Application>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  if (!userId) return null;
  if (identity?.id === userId) return <>{translate('app.people.you', { name: identity.fullName })}</>;
  const name = (names ?? record?.names)?.[userId];
  // A name the API did not send (an account since removed): the short id, the full one on hover.
  return <span title={userId}>{name ?? `${userId.slice(0, 8)}…`}</span>;
};
