import { QueryFailedError } from 'typeorm';
import { withRetry } from './transaction.js';

const pgError = (code: string) => new QueryFailedError('UPDATE …', [], Object.assign(new Error(code), { code }));

describe(withRetry.name, () => {
  it.each(['40001', '40P01'])('runs the transaction again after PostgreSQL error %s', async (code) => {
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      if (calls < 3) throw pgError(code);
      return 'done';
    });
    expect({ result, calls }).toEqual({ result: 'done', calls: 3 });
  });

  it('gives up after the last attempt and throws the error', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw pgError('40001');
      }, 3),
    ).rejects.toBeInstanceOf(QueryFailedError);
    expect(calls).toBe(3);
  });

  it('never retries other errors', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw pgError('23505');
      }),
    ).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
