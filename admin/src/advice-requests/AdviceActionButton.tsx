import { Alert, Dialog, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { type ReactElement, type ReactNode, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import { Form, HttpError, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useDialogLayout, WorkflowButton } from '../applications/ActionDialog';
import { DialogButtons } from '../common/ConfirmDialog';
import { useRefusalText } from '../common/useProblemText';
import { useExitPoolDataProvider } from '../dataProvider';
import type { AdviceAction, AdviceRequest } from '../types';

const NO_RECORD = {};

/**
 * One action on an advice request: a button, shown while the API lists the action for this user,
 * that opens a dialog (full screen on a phone) and posts it. A refusal stays in the dialog, in the
 * user's words; a 409 (closed meanwhile) also refreshes the page behind.
 */
export const AdviceActionButton = ({
  action,
  label,
  title,
  confirm,
  success,
  description,
  icon,
  color = 'primary',
  toBody,
  children,
}: {
  action: AdviceAction;
  /** translation keys */
  label: string;
  title: string;
  confirm: string;
  success: string;
  description?: string;
  icon: ReactElement;
  color?: 'primary' | 'warning' | 'inherit';
  toBody?: (values: FieldValues) => object;
  children?: ReactNode;
}) => {
  const record = useRecordContext<AdviceRequest>();
  const dataProvider = useExitPoolDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const refusal = useRefusalText();
  const layout = useDialogLayout();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const available = record?.actions?.includes(action) ?? false;
  if (!record || (!available && !open)) return null;

  const close = () => {
    if (saving) return;
    setOpen(false);
    setProblem(null);
  };

  const submit = async (values: FieldValues) => {
    setSaving(true);
    setProblem(null);
    try {
      await dataProvider.adviceAction(String(record.id), action, toBody?.(values));
      notify(success, { type: 'success', messageArgs: { reference: record.reference } });
      setOpen(false);
      refresh();
      return undefined;
    } catch (error) {
      const body = error instanceof HttpError ? (error.body as { errors?: Record<string, string> } | null) : null;
      if (body?.errors && Object.keys(body.errors).length > 0) return body.errors;
      setProblem(refusal(error));
      if (error instanceof HttpError && error.status === 409) refresh();
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {available && <WorkflowButton label={label} icon={icon} color={color} onClick={() => setOpen(true)} />}
      <Dialog
        open={open}
        onClose={close}
        fullWidth
        maxWidth="sm"
        {...layout}
        aria-labelledby={`advice-${action}-dialog-title`}
      >
        <Form key={open ? 'open' : 'closed'} record={NO_RECORD} onSubmit={submit} noValidate mode="onBlur">
          <DialogTitle id={`advice-${action}-dialog-title`}>
            {translate(title, { reference: record.reference })}
          </DialogTitle>
          <DialogContent>
            {description && (
              <DialogContentText sx={{ mb: 2 }}>
                {translate(description, { reference: record.reference })}
              </DialogContentText>
            )}
            {children}
            {problem && (
              <Alert severity="error" sx={{ mt: 2 }}>
                {problem}
              </Alert>
            )}
          </DialogContent>
          <DialogButtons
            pending={saving}
            onCancel={close}
            confirmLabel={confirm}
            color={color === 'inherit' ? 'primary' : color}
            disabled={!available}
          />
        </Form>
      </Dialog>
    </>
  );
};
