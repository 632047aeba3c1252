import { Create, SimpleForm } from 'react-admin';
import { pickFields } from '../common/transform';
import { UnitInputs } from './UnitInputs';

export const UnitCreate = () => (
  <Create redirect="show" transform={pickFields(['code', 'name', 'active'])}>
    <SimpleForm defaultValues={{ active: true }}>
      <UnitInputs />
    </SimpleForm>
  </Create>
);
