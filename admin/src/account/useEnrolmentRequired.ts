import { useSyncExternalStore } from 'react';
import { session } from '../session';

/** True while the signed-in user must set up a second factor before anything else opens. */
export const useEnrolmentRequired = (): boolean => useSyncExternalStore(session.subscribe, session.isEnrolmentRequired);
