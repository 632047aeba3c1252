import {
  BooleanInput,
  PasswordInput,
  SelectInput,
  TextInput,
  email,
  maxLength,
  minLength,
  required,
} from 'react-admin';
import { roleChoices } from '../common/roles';
import { PartyInput } from './PartyInput';
import { UnitIdInput } from './UnitIdInput';

const passwordLength = minLength(12, 'app.validation.password_length');

/**
 * Inputs shared by UserCreate and UserEdit. A password is set on creation;
 * editing may set a new one and otherwise leaves it alone.
 */
export const UserInputs = ({ edit = false }: { edit?: boolean }) => (
  <>
    <TextInput source="email" type="email" validate={[required(), email()]} autoComplete="off" fullWidth />
    <TextInput source="displayName" validate={[required(), maxLength(200)]} fullWidth />
    <SelectInput source="role" choices={roleChoices} validate={required()} />
    <UnitIdInput />
    <PartyInput />
    <BooleanInput source="active" />
    {edit ? (
      <PasswordInput
        source="password"
        label="app.users.new_password"
        validate={passwordLength}
        helperText="app.helper.new_password"
        autoComplete="new-password"
      />
    ) : (
      <PasswordInput
        source="password"
        validate={[required(), passwordLength]}
        helperText="app.validation.password_length"
        autoComplete="new-password"
      />
    )}
  </>
);
