import { SearchInput } from 'react-admin';

/** The free-text search every list has (the API's `q` filter). */
export const searchFilter = <SearchInput key="q" source="q" alwaysOn />;
