import { Create, SaveButton, SimpleForm, Toolbar } from 'react-admin';
import { pickFields } from '../common/transform';
import { CaseInputs, PseudonymousHint } from './CaseInputs';

export const CASE_FIELDS = ['status', 'birthYear', 'consentRecordedOn', 'agreementSignedOn', 'programmeStart'] as const;

// The unit is the signed-in worker's own; the server makes the reference.
export const CaseCreate = () => (
  <Create redirect="show" transform={pickFields(CASE_FIELDS)}>
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
