import { Alert, Dialog, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState, type ReactElement, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Form, HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { WorkflowButton, useDialogLayout } from '../applications/ActionDialog';
import { DialogButtons } from '../common/ConfirmDialog';
import { problemKey } from '../httpClient';

const NO_RECORD = {};

export interface TransferDialogButtonProps {
  /** translation keys; `reference` fills %{reference} */
  label: string;
  title: string;
  confirm: string;
  success: string;
  description?: string;
  reference: string;
  icon: ReactElement;
  color?: 'primary' | 'error' | 'success' | 'warning';
  /** posts the action; a 400's `errors` are shown beside the inputs */
  send: (values: FieldValues) => Promise<unknown>;
  children?: ReactNode;
}

/**
 * A button that opens a dialog for one step of a case's transfer (propose, accept, decline),
 * laid out as the application's workflow dialogs: the whole screen on a phone, the refusal
 * (by its `code`, in the user's language) inside the dialog, what the user wrote kept.
 */
export const TransferDialogButton = ({
  label,
  title,
  confirm,
  success,
  description,
  reference,
  icon,
  color = 'primary',
  send,
  children,
}: TransferDialogButtonProps) => {
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
      await send(values);
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
      <Dialog
        open={open}
        onClose={close}
        fullWidth
        maxWidth="sm"
        {...dialogLayout}
        aria-labelledby="transfer-dialog-title"
      >
        <Form key={open ? 'open' : 'closed'} record={NO_RECORD} onSubmit={submit} noValidate mode="onBlur">
          <DialogTitle id="transfer-dialog-title">{translate(title, { reference })}</DialogTitle>
          <DialogContent>
            {description && (
              <DialogContentText component="div" sx={{ mb: 2 }}>
                {translate(description, { reference })}
              </DialogContentText>
            )}
            {children}
            {problem && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {problem}
              </Alert>
            )}
          </DialogContent>
          <DialogButtons pending={saving} onCancel={close} confirmLabel={confirm} color={color} />
        </Form>
      </Dialog>
    </>
  );
};
