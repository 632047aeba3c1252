import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { ReferenceInput, SelectInput, required } from 'react-admin';

/**
 * The exit unit of a user: required for a unit worker, and cleared (and
 * hidden) for every other role, whose work is national.
 */
export const UnitIdInput = () => {
  const role = useWatch({ name: 'role' });
  const { getValues, setValue } = useFormContext();
  const isUnitWorker = role === 'unit_worker';

  useEffect(() => {
    if (!isUnitWorker && getValues('unitId') != null) {
      setValue('unitId', null, { shouldDirty: true });
    }
  }, [isUnitWorker, getValues, setValue]);

  if (!isUnitWorker) return null;
  return (
    <ReferenceInput source="unitId" reference="units" sort={{ field: 'code', order: 'ASC' }} perPage={100}>
      <SelectInput validate={required('app.validation.unit_required')} />
    </ReferenceInput>
  );
};
