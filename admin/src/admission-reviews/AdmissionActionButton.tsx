import { Alert, Dialog, DialogContent, DialogContentText, DialogTitle, type ButtonProps } from '@mui/material';
import { useState, type ReactElement } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Form, HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { WorkflowButton, useDialogLayout } from '../applications/ActionDialog';
import { ReasonInput } from '../applications/ReasonInput';
import { DialogButtons } from '../common/ConfirmDialog';
import { problemKey } from '../httpClient';

export interface AdmissionActionButtonProps {
  /** translation keys */
  label: string;
  title: string;
  success: string;
  description?: string;
  icon: ReactElement;
  color?: ButtonProps['color'];
  /** The case's or review's reference, named in the title. */
  reference: string;
  /** The text the action asks for (`reason` or `message`, with its label), or none. */
  text?: { source: 'reason' | 'message'; label: string };
  /** Posts the action; a refusal stays in the dialog (a 400 beside the input, a 409 in words). */
  run: (values: FieldValues) => Promise<unknown>;
}

/** One admission action (admit, refuse, request information, uphold, ...): a button and its dialog. */
export const AdmissionActionButton = ({
  label,
  title,
  success,
  description,
  icon,
  color = 'primary',
  reference,
  text,
  run,
}: AdmissionActionButtonProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dialogLayout = useDialogLayout();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const close = () => {
    if (saving) return;
    setOpen(false);
    setProblem(null);
  };

  const submit = async (values: FieldValues) => {
    setSaving(true);
    setProblem(null);
    try {
      await run(values);
      notify(success, { type: 'success', messageArgs: { reference } });
      setOpen(false);
      refresh();
      return undefined;
    } catch (error) {
      const errors =
        error instanceof HttpError ? (error.body as { errors?: Record<string, string> })?.errors : undefined;
      if (errors && Object.keys(errors).length > 0) return errors;
      const { key, fallback } = problemKey(error);
      setProblem(translate(key, { _: fallback }));
      if (error instanceof HttpError && error.status === 409) refresh();
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <WorkflowButton label={label} icon={icon} color={color} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm" {...dialogLayout} aria-label={translate(label)}>
        <Form key={open ? 'open' : 'closed'} record={{}} onSubmit={submit} noValidate mode="onBlur">
          <DialogTitle>{translate(title, { reference })}</DialogTitle>
          <DialogContent>
            {description && (
              <DialogContentText sx={{ mb: 2 }}>{translate(description, { reference })}</DialogContentText>
            )}
            {text && <ReasonInput source={text.source} label={text.label} />}
            {problem && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {problem}
              </Alert>
            )}
          </DialogContent>
          <DialogButtons pending={saving} onCancel={close} confirmLabel={label} color={color} />
        </Form>
      </Dialog>
    </>
  );
};
