import { Create, SimpleForm } from 'react-admin';
import { pickFields } from '../common/transform';
import { UnitInputs } from './UnitInputs';

export const UnitCreate = () => (
  <Create redirect="show" transform={pickFields(['code', 'name', 'parties', 'active'])}>
    <SimpleForm defaultValues={{ active: true, parties: ['police', 'municipality', 'prison_probation'] }}>
      <UnitInputs />
    </SimpleForm>
  </Create>
);
