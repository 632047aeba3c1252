import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { SelectInput, required, useGetOne } from 'react-admin';
import { partyChoices } from '../common/parties';
import type { Party, Unit } from '../types';

/**
 * The party a user belongs to: for a unit worker one of the unit's parties (consent decides which
 * of them sees a case), for every other role `national`, set by itself and not shown.
 */
export const PartyInput = () => {
  const role = useWatch({ name: 'role' });
  const unitId = useWatch({ name: 'unitId' }) as string | null | undefined;
  const party = useWatch({ name: 'party' }) as Party | undefined;
  const { setValue } = useFormContext();
  const isUnitWorker = role === 'unit_worker';
  const { data: unit } = useGetOne<Unit>('units', { id: unitId ?? '' }, { enabled: isUnitWorker && !!unitId });
  const parties = unit?.parties ?? [];

  useEffect(() => {
    if (!isUnitWorker) {
      if (role && party !== 'national') setValue('party', 'national', { shouldDirty: true });
    } else if (unit && (!party || !unit.parties.includes(party as never))) {
      // the unit's first party (the police, in the exit units) until the admin chooses another
      setValue('party', unit.parties[0], { shouldDirty: true });
    }
  }, [isUnitWorker, role, unit, party, setValue]);

  if (!isUnitWorker || !unitId) return null;
  return (
    <SelectInput
      source="party"
      choices={partyChoices(parties)}
      validate={required()}
      helperText="app.users.party_hint"
    />
  );
};
