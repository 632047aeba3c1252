import { Create, SimpleForm } from 'react-admin';
import { pickFields } from '../common/transform';
import { CategoryInputs } from './CategoryInputs';

export const CategoryCreate = () => (
  <Create redirect="show" transform={pickFields(['code', 'name', 'active'])}>
    <SimpleForm defaultValues={{ active: true }}>
      <CategoryInputs />
    </SimpleForm>
  </Create>
);
