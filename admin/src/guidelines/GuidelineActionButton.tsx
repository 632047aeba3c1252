import type { ReactElement } from 'react';
import { useState } from 'react';
import { Button, Confirm, useCanAccess, useLocaleState, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { formatIsoDate } from '../common/dates';
import { useExitPoolDataProvider } from '../dataProvider';
import type { GuidelineRecord, GuidelineStatus } from '../types';

interface GuidelineActionButtonProps {
  action: 'publish' | 'retire';
  /** the status the action starts from */
  from: GuidelineStatus;
  label: string;
  title: string;
  content: string;
  success: string;
  icon: ReactElement;
  color?: 'primary' | 'warning';
}

/** Publish or retire a guideline version after a confirmation; the API answers 409 when the status does not allow it. */
export const GuidelineActionButton = ({
  action,
  from,
  label,
  title,
  content,
  success,
  icon,
  color = 'primary',
}: GuidelineActionButtonProps) => {
  const record = useRecordContext<GuidelineRecord>();
  const { canAccess } = useCanAccess({ resource: 'guidelines', action: 'edit' });
  const dataProvider = useExitPoolDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  if (!record || !canAccess || record.status !== from) return null;
  const args = { version: record.version, effectiveFrom: formatIsoDate(record.effectiveFrom, locale) };

  const confirm = async () => {
    setPending(true);
    try {
      await dataProvider.guidelineAction(String(record.id), action);
      notify(success, { type: 'success', messageArgs: args });
      refresh();
    } catch (error) {
      const message = error instanceof Error ? error.message : 'ra.notification.http_error';
      notify(message, { type: 'error', messageArgs: { _: message } });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };

  return (
    <>
      <Button label={label} onClick={() => setOpen(true)} color={color}>
        {icon}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={title}
        content={content}
        titleTranslateOptions={args}
        contentTranslateOptions={args}
        confirm={label}
        confirmColor={color}
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
