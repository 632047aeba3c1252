import { generate } from 'otplib';
import { checkTotp, newRecoveryCodes, newTotpSecret, readSecondFactor, totpUri } from './totp.js';

const T = 1_800_000_015; // 15 s into time step 60,000,000
const STEP = 60_000_000;
const codeAt = (secret: string, step: number) => generate({ secret, epoch: step * 30 });

describe(checkTotp.name, () => {
  const secret = newTotpSecret();

  it('accepts the current code and answers its time step', async () => {
    expect(await checkTotp(secret, await codeAt(secret, STEP), null, T)).toBe(STEP);
  });

  it('accepts one step of clock drift either way, not two', async () => {
    expect(await checkTotp(secret, await codeAt(secret, STEP - 1), null, T)).toBe(STEP - 1);
    expect(await checkTotp(secret, await codeAt(secret, STEP + 1), null, T)).toBe(STEP + 1);
    expect(await checkTotp(secret, await codeAt(secret, STEP - 2), null, T)).toBeNull();
    expect(await checkTotp(secret, await codeAt(secret, STEP + 2), null, T)).toBeNull();
  });

  it('refuses a code whose step is not newer than the last accepted one', async () => {
    const now = await codeAt(secret, STEP);
    expect(await checkTotp(secret, now, STEP, T)).toBeNull();
    expect(await checkTotp(secret, await codeAt(secret, STEP - 1), STEP, T)).toBeNull();
    expect(await checkTotp(secret, await codeAt(secret, STEP + 1), STEP, T)).toBe(STEP + 1);
    expect(await checkTotp(secret, now, STEP - 1, T)).toBe(STEP);
  });

  it('refuses every code once the last accepted step is ahead of the window', async () => {
    expect(await checkTotp(secret, await codeAt(secret, STEP + 1), STEP + 1, T)).toBeNull();
    expect(await checkTotp(secret, await codeAt(secret, STEP), STEP + 5, T)).toBeNull();
  });

  it('refuses what is not six digits, and the code of another secret', async () => {
    expect(await checkTotp(secret, 'abcdef', null, T)).toBeNull();
    expect(await checkTotp(secret, '12345', null, T)).toBeNull();
    expect(await checkTotp(newTotpSecret(), await codeAt(secret, STEP), null, T)).toBeNull();
  });
});

describe(newTotpSecret.name, () => {
  it('makes 160-bit base32 secrets, never the same twice', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
  });
});

describe(totpUri.name, () => {
  it('is a Key URI of type totp naming the issuer and the account', () => {
    const uri = new URL(totpUri('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'ncp@demo.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Exit Pool:ncp@demo.test');
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(uri.searchParams.get('issuer')).toBe('Exit Pool');
  });
});

describe(newRecoveryCodes.name, () => {
  it('makes ten distinct codes of the form xxxxx-xxxxx in lowercase base32', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    expect(new Set(codes).size).toBe(10);
  });
});

describe(readSecondFactor.name, () => {
  it('reads six digits as a code from the app, spaces allowed', () => {
    expect(readSecondFactor('123456')).toEqual({ kind: 'totp', code: '123456' });
    expect(readSecondFactor(' 123 456 ')).toEqual({ kind: 'totp', code: '123456' });
  });

  it('reads a recovery code in any case, with or without the dash and spaces', () => {
    for (const input of ['abcde-fg234', 'ABCDE-FG234', 'abcdefg234', 'abcde fg234', ' AbCdE - Fg234 ']) {
      expect(readSecondFactor(input)).toEqual({ kind: 'recovery', code: 'abcdefg234' });
    }
  });

  it('reads nothing else', () => {
    for (const input of ['', '12345', '1234567', 'abcde-fg23', 'abcde-fg2345', 'abcde-fg891', 'abcde_fg234']) {
      expect(readSecondFactor(input)).toBeNull();
    }
  });
});
