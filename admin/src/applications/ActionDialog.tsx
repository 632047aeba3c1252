import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogContent,
  DialogContentText,
  DialogTitle,
  type ButtonProps as MuiButtonProps,
} from '@mui/material';
import { useState, type ReactElement, type ReactNode } from 'react';
import type { FieldValues } from 'react-hook-form';
import {
  Button,
  Form,
  HttpError,
  RecordContextProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { DialogButtons } from '../common/ConfirmDialog';
import { useExitPoolDataProvider } from '../dataProvider';
import { problemKey } from '../httpClient';
import type { Application, ApplicationAction, Finding } from '../types';
import { usePhone } from '../common/usePhone';
import { FindingsList } from './FindingsList';

export interface DialogState {
  /** findings the API answered with when it refused (409) */
  findings: Finding[];
  /** lets the content hold the confirm button back (e.g. while a block finding stands) */
  setBlocked: (blocked: boolean) => void;
}

export interface ActionDialogButtonProps {
  action: ApplicationAction;
  /** translation keys */
  label: string;
  title: string;
  confirm: string;
  success: string;
  icon: ReactElement;
  color?: MuiButtonProps['color'];
  description?: ReactNode;
  defaultValues?: (record: Application) => FieldValues;
  /** the request body; undefined for actions without one */
  toBody?: (values: FieldValues, record: Application, state: DialogState) => object | undefined;
  /** the API's field errors (400 `errors`) under the names of the dialog's inputs */
  mapErrors?: (errors: Record<string, string>, values: FieldValues) => Record<string, string>;
  children?: ReactNode | ((state: DialogState) => ReactNode);
  maxWidth?: 'xs' | 'sm' | 'md';
  /** the button that closes the dialog without acting; never "Cancel" beside "Cancel grant" */
  closeLabel?: string;
}

const NO_RECORD = {};

/**
 * A workflow button. react-admin's Button turns into a bare icon below `sm`; on a phone these keep
 * their words (which icon means "reject" and which "cancel grant" is not for guessing) and wrap instead.
 */
export const WorkflowButton = ({
  label,
  icon,
  color = 'primary',
  onClick,
}: {
  label: string;
  icon: ReactElement;
  color?: MuiButtonProps['color'];
  onClick: () => void;
}) => {
  const phone = usePhone();
  const translate = useTranslate();
  return phone ? (
    <MuiButton size="small" color={color} startIcon={icon} onClick={onClick}>
      {translate(label)}
    </MuiButton>
  ) : (
    <Button label={label} color={color} onClick={onClick}>
      {icon}
    </Button>
  );
};

/**
 * A workflow dialog's props: the whole screen on a phone, its form a column whose content scrolls
 * between the title and the buttons, so Cancel and the confirm button stay in reach of a thumb.
 */
export const useDialogLayout = () => {
  const phone = usePhone();
  return {
    fullScreen: phone,
    slotProps: phone
      ? {
          paper: {
            sx: { '& > form': { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 } },
          },
        }
      : undefined,
  };
};

const errorBody = (error: unknown): { findings?: Finding[]; errors?: Record<string, string> } | undefined =>
  error instanceof HttpError && typeof error.body === 'object' && error.body !== null
    ? (error.body as { findings?: Finding[]; errors?: Record<string, string> })
    : undefined;

/**
 * One workflow action on an application: a button, shown only when the API
 * lists the action for this user now, that opens a dialog asking for what the
 * action needs and posts it. A refusal stays in the dialog: 409 with the
 * findings that stopped it, 400 beside the inputs it names.
 */
export const ActionDialogButton = ({
  action,
  label,
  title,
  confirm,
  success,
  icon,
  color = 'primary',
  description,
  defaultValues,
  toBody,
  mapErrors,
  children,
  maxWidth = 'sm',
  closeLabel = 'ra.action.cancel',
}: ActionDialogButtonProps) => {
  const record = useRecordContext<Application>();
  const dataProvider = useExitPoolDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const dialogLayout = useDialogLayout();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [blocked, setBlocked] = useState(false);
  // taken when the dialog opens, so that a refresh after a refusal keeps what the user typed
  const [initial, setInitial] = useState<FieldValues>({});

  const available = record?.actions?.includes(action) ?? false;
  // An open dialog stays when another user acted first and the action is gone: the text is kept.
  if (!record || (!available && !open)) return null;
  const state: DialogState = { findings, setBlocked };

  const close = () => {
    if (saving) return;
    setOpen(false);
    setFindings([]);
    setProblem(null);
    setBlocked(false);
  };

  const submit = async (values: FieldValues) => {
    setSaving(true);
    setProblem(null);
    try {
      await dataProvider.applicationAction(String(record.id), action, toBody?.(values, record, state));
      notify(success, { type: 'success', messageArgs: { reference: record.reference } });
      setOpen(false);
      setFindings([]);
      refresh();
      return undefined;
    } catch (error) {
      const body = errorBody(error);
      if (body?.findings) {
        setFindings(body.findings);
        // A block cannot be overridden: sending again would only be refused again.
        if (body.findings.some((finding) => finding.severity === 'block')) setBlocked(true);
      }
      if (body?.errors && Object.keys(body.errors).length > 0) {
        return mapErrors ? mapErrors(body.errors, values) : body.errors;
      }
      const { key, fallback } = problemKey(error);
      setProblem(translate(key, { _: fallback }));
      // A 409 may mean the application moved on meanwhile: show what it is now.
      if (error instanceof HttpError && error.status === 409) refresh();
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {available && (
        <WorkflowButton
          label={label}
          icon={icon}
          color={color}
          onClick={() => {
            setInitial(defaultValues?.(record) ?? {});
            setOpen(true);
          }}
        />
      )}
      <Dialog
        open={open}
        onClose={close}
        fullWidth
        maxWidth={maxWidth}
        {...dialogLayout}
        aria-labelledby={`${action}-dialog-title`}
      >
        {/* Validated when a field is left, so a CPR number is flagged before sending. */}
        <Form
          key={open ? 'open' : 'closed'}
          // The dialog's own values only: not the application's fields (its `conditions`, `overrides`, ...).
          record={NO_RECORD}
          defaultValues={initial}
          onSubmit={submit}
          noValidate
          mode="onBlur"
          reValidateMode="onChange"
        >
          <RecordContextProvider value={record}>
            <DialogTitle id={`${action}-dialog-title`}>{translate(title, { reference: record.reference })}</DialogTitle>
            <DialogContent>
              {description && (
                <DialogContentText component="div" sx={{ mb: 2 }}>
                  {typeof description === 'string'
                    ? translate(description, { reference: record.reference })
                    : description}
                </DialogContentText>
              )}
              {typeof children === 'function' ? children(state) : children}
              {problem && (
                <Alert severity="error" sx={{ mt: 2 }}>
                  {problem}
                </Alert>
              )}
              {findings.length > 0 && (
                <Box sx={{ mt: 2 }}>
                  <FindingsList findings={findings} dense />
                </Box>
              )}
            </DialogContent>
            <DialogButtons
              pending={saving}
              onCancel={close}
              cancelLabel={closeLabel}
              confirmLabel={confirm}
              color={color}
              disabled={blocked || !available}
            />
          </RecordContextProvider>
        </Form>
      </Dialog>
    </>
  );
};
