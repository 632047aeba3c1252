import type { ReactElement } from 'react';
import { ReferenceInput, SearchInput } from 'react-admin';

/** The free-text search every list has (the API's `q` filter). */
export const searchFilter = <SearchInput key="q" source="q" alwaysOn />;

/**
 * The exit unit filter of a list, the units in the order of their codes; without
 * `children` react-admin's autocomplete picks one.
 */
export const unitFilter = ({ alwaysOn = false, children }: { alwaysOn?: boolean; children?: ReactElement } = {}) => (
  <ReferenceInput
    key="unitId"
    source="unitId"
    reference="units"
    sort={{ field: 'code', order: 'ASC' }}
    perPage={100}
    alwaysOn={alwaysOn}
  >
    {children}
  </ReferenceInput>
);
