import { INSTALLATION_PROFILES } from '@app/contract';
import { useGetOne } from 'react-admin';
import { useSettings } from '../common/settings';
import type { Unit } from '../types';

/** Whether a unit is the installation's custody unit (KRF, RISE), whose cases pass to a local unit at release. */
export const useIsCustodyUnit = (unitId: string | undefined): boolean => {
  const { installation } = useSettings();
  const { data } = useGetOne<Unit>('units', { id: unitId ?? '' }, { enabled: !!unitId });
  return data?.code === INSTALLATION_PROFILES[installation].custodyUnitCode;
};
