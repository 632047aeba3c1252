import { Create, SimpleForm } from 'react-admin';
import { GuidelineInputs } from './GuidelineInputs';
import { createTransform } from './transform';

// A new version starts as a draft. Cloning a published version fills this form from it (CloneButton).
export const GuidelineCreate = () => (
  <Create redirect="show" transform={createTransform}>
    <SimpleForm defaultValues={{ minAge: 18, maxCourseMonths: 12, categories: [] }}>
      <GuidelineInputs />
    </SimpleForm>
  </Create>
);
