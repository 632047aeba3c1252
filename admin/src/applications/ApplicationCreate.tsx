import { Create, SimpleForm } from 'react-admin';
import { ApplicationInputs } from './ApplicationInputs';
import { createTransform } from './transform';

// A new application is a draft: the unit checks it against the guidelines and submits it from its page.
export const ApplicationCreate = () => (
  <Create redirect="show" transform={createTransform}>
    <SimpleForm
      mode="onBlur"
      reValidateMode="onChange"
      defaultValues={{ urgent: false, ordinaryFundingConsidered: false, lines: [{ quantity: 1 }] }}
      sx={{ maxWidth: 1100 }}
    >
      <ApplicationInputs />
    </SimpleForm>
  </Create>
);
