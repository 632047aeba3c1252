import { Create, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { CaseInputs, PseudonymousHint } from './CaseInputs';
import { caseCreateTransform } from './transform';

// The unit is the signed-in worker's own; the server makes the reference.
export const CaseCreate = () => (
  <Create redirect="show" transform={caseCreateTransform}>
    <SimpleForm
      defaultValues={{ status: 'assessment' }}
      sx={{ maxWidth: 640 }}
      // A case may be registered with the defaults alone (in assessment, nothing recorded yet).
      toolbar={
        <Toolbar>
          <SaveButton alwaysEnable />
        </Toolbar>
      }
    >
      <PseudonymousHint />
      <CaseInputs />
    </SimpleForm>
  </Create>
);
