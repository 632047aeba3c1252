import {
  Alert,
  Button as MuiButton,
  type ButtonProps as MuiButtonProps,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { type ReactElement, type ReactNode, useId, useState } from 'react';
import { Button, useRefresh, useTranslate } from 'react-admin';
import { useProblemText } from './useProblemText';

/**
 * A dialog's Cancel and its action. While the request runs both are held, and the
 * action's icon gives way to progress. Without `onConfirm` the action submits the
 * dialog's form.
 */
export const DialogButtons = ({
  pending,
  onCancel,
  cancelLabel = 'ra.action.cancel',
  confirmLabel,
  onConfirm,
  icon,
  color = 'warning',
  disabled = false,
}: {
  pending: boolean;
  onCancel: () => void;
  /** translation keys */
  cancelLabel?: string;
  confirmLabel: string;
  onConfirm?: () => void;
  icon?: ReactElement;
  color?: MuiButtonProps['color'];
  /** holds the action back for a reason of the caller's (a block finding, the action gone) */
  disabled?: boolean;
}) => {
  const translate = useTranslate();
  return (
    <DialogActions>
      <MuiButton onClick={onCancel} disabled={pending}>
        {translate(cancelLabel)}
      </MuiButton>
      <MuiButton
        type={onConfirm ? 'button' : 'submit'}
        onClick={onConfirm}
        variant="contained"
        color={color}
        disabled={pending || disabled}
        startIcon={pending ? <CircularProgress size={16} color="inherit" /> : icon}
      >
        {translate(confirmLabel)}
      </MuiButton>
    </DialogActions>
  );
};

/**
 * A confirmation for an action with consequences: what it does, an optional
 * warning, the API's refusal if it came, and Cancel / the action. While the
 * request runs, the dialog cannot be closed and the button shows progress.
 */
export const ConfirmDialog = ({
  open,
  title,
  content,
  warning,
  problem,
  pending,
  confirmLabel,
  icon,
  onClose,
  onConfirm,
}: {
  open: boolean;
  title: string;
  content: string;
  warning?: string;
  problem: ReactNode;
  pending: boolean;
  /** a translation key */
  confirmLabel: string;
  icon: ReactElement;
  onClose: () => void;
  onConfirm: () => void;
}) => {
  const titleId = useId();
  const close = () => {
    if (!pending) onClose();
  };
  return (
    <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent>
        <DialogContentText>{content}</DialogContentText>
        {warning && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {warning}
          </Alert>
        )}
        {problem && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {problem}
          </Alert>
        )}
      </DialogContent>
      <DialogButtons pending={pending} onCancel={close} confirmLabel={confirmLabel} onConfirm={onConfirm} icon={icon} />
    </Dialog>
  );
};

/**
 * A warning-coloured button whose action runs after a ConfirmDialog. The page is
 * refreshed after it; a refusal stays in the dialog, in the words `explain` gives
 * it (by default the API's message in the user's language).
 */
export const ConfirmActionButton = ({
  label,
  icon,
  title,
  content,
  warning,
  run,
  explain,
}: {
  /** a translation key, of the button and of the dialog's action */
  label: string;
  icon: ReactElement;
  title: string;
  content: string;
  warning?: string;
  /** the request, and what to say when it succeeded */
  run: () => Promise<void>;
  explain?: (error: unknown) => ReactNode;
}) => {
  const refresh = useRefresh();
  const problemText = useProblemText();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<ReactNode>(null);

  const close = () => {
    setOpen(false);
    setProblem(null);
  };

  const confirm = async () => {
    setPending(true);
    setProblem(null);
    try {
      await run();
      setOpen(false);
      refresh();
    } catch (error) {
      setProblem((explain ?? problemText)(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} color="warning">
        {icon}
      </Button>
      <ConfirmDialog
        open={open}
        title={title}
        content={content}
        warning={warning}
        problem={problem}
        pending={pending}
        confirmLabel={label}
        icon={icon}
        onClose={close}
        onConfirm={confirm}
      />
    </>
  );
};
