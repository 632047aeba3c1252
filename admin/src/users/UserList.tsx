import {
  BooleanField,
  DataTable,
  List,
  NullableBooleanInput,
  ReferenceField,
  SelectField,
  SelectInput,
  SimpleList,
  useTranslate,
} from 'react-admin';
import { searchFilter, unitFilter } from '../common/filters';
import { usePhone } from '../common/usePhone';
import { allPartyChoices, PartyField } from '../common/parties';
import { roleChoices } from '../common/roles';
import type { User } from '../types';
import { ResetTotpButton } from './ResetTotpButton';
import { useUserExporter } from './UserExporter';

const filters = [
  searchFilter,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  unitFilter(),
  <SelectInput key="party" source="party" choices={allPartyChoices} />,
  <NullableBooleanInput key="active" source="active" />,
  <NullableBooleanInput key="totpEnabled" source="totpEnabled" />,
];

/** On a phone: one line a user, with the role and whether the second factor is on; the reset is on the user's page. */
const UserPhoneList = () => {
  const translate = useTranslate();
  return (
    <SimpleList<User>
      primaryText={(user) => user.displayName}
      secondaryText={(user) => (
        <>
          {user.email} · {translate(`app.roles.${user.role}`)}
          {user.role === 'unit_worker' && ` · ${translate(`app.parties.${user.party}`)}`}
          <br />
          {translate('resources.users.fields.totpEnabled')}:{' '}
          {translate(user.totpEnabled ? 'app.totp.on' : 'app.totp.off')}
        </>
      )}
      rowClick="show"
    />
  );
};

export const UserList = () => {
  const phone = usePhone();
  const exporter = useUserExporter();
  return (
    <List filters={filters} sort={{ field: 'displayName', order: 'ASC' }} perPage={25} exporter={exporter}>
      {phone ? (
        <UserPhoneList />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="displayName" />
          <DataTable.Col source="email" />
          <DataTable.Col source="role">
            <SelectField source="role" choices={roleChoices} />
          </DataTable.Col>
          <DataTable.Col source="unitId">
            <ReferenceField source="unitId" reference="units" link={false} emptyText="–" />
          </DataTable.Col>
          <DataTable.Col source="party">
            <PartyField source="party" />
          </DataTable.Col>
          <DataTable.Col source="active" field={BooleanField} />
          <DataTable.Col source="totpEnabled" field={BooleanField} />
          <DataTable.Col label={false} disableSort>
            <ResetTotpButton />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
