import { CopyableCode } from '../common/CopyableCode';
import { groupSecret } from './totp';

/** The secret for typing into the app by hand: in groups of four, selectable at once, and copyable. */
export const SecretKey = ({ secret }: { secret: string }) => (
  <CopyableCode
    text={secret}
    testId="totp-secret"
    copyLabel="app.totp.copy"
    copied="app.totp.copied"
    copyFailed="app.totp.copy_failed"
    codeSx={{ fontSize: '1.05rem', letterSpacing: '0.05em' }}
  >
    {groupSecret(secret)}
  </CopyableCode>
);
