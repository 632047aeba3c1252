import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { type ReactElement, type ReactNode, useId } from 'react';
import { useTranslate } from 'react-admin';

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
  const translate = useTranslate();
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
      <DialogActions>
        <Button onClick={close} disabled={pending}>
          {translate('ra.action.cancel')}
        </Button>
        <Button
          onClick={onConfirm}
          variant="contained"
          color="warning"
          disabled={pending}
          startIcon={pending ? <CircularProgress size={16} color="inherit" /> : icon}
        >
          {translate(confirmLabel)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
