import { TextInput, maxLength, required } from 'react-admin';
import { noNationalId } from '../common/validators';

/** A required free-text answer in an action dialog (a reason, a question, an answer). */
export const ReasonInput = ({ source, label, helperText }: { source: string; label: string; helperText?: string }) => (
  <TextInput
    source={source}
    label={label}
    helperText={helperText ?? 'app.actions.no_identity_hint'}
    multiline
    minRows={3}
    fullWidth
    autoFocus
    validate={[required(), maxLength(5000), noNationalId]}
  />
);
