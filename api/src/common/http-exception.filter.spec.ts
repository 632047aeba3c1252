import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { HttpExceptionFilter } from './http-exception.filter.js';

describe(HttpExceptionFilter.name, () => {
  const filter = new HttpExceptionFilter();

  it('keeps the errors map of a validation error', () => {
    const body = filter.toBody(new BadRequestException({ message: ['code: bad'], errors: { code: 'bad' } }));
    expect(body).toEqual({ statusCode: 400, error: 'Bad Request', message: ['code: bad'], errors: { code: 'bad' } });
  });

  it('gives a plain message for a string exception', () => {
    expect(filter.toBody(new ForbiddenException('No'))).toEqual({ statusCode: 403, error: 'Forbidden', message: 'No' });
  });

  it('answers body-parser errors with their own status', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
      type: 'entity.too.large',
    });
    expect(filter.toBody(tooLarge)).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'The request body is too large',
    });
  });

  it('maps a serialization failure to 409 and hides the SQL', () => {
    const error = new QueryFailedError(
      'SELECT secret',
      [],
      Object.assign(new Error('could not serialize'), { code: '40001' }),
    );
    const body = filter.toBody(error);
    expect(body.statusCode).toBe(409);
    expect(JSON.stringify(body)).not.toContain('SELECT');
  });

  const pgError = (code: string, extra: object = {}) =>
    new QueryFailedError('UPDATE units SET name = $1', ['secret'], Object.assign(new Error('pg'), { code, ...extra }));

  it.each([
    ['23502', 'a not-null violation'],
    ['22001', 'a text too long for its column'],
    ['22021', 'a character PostgreSQL cannot store (NUL)'],
    ['22003', 'a number out of range'],
    ['22007', 'a malformed date'],
    ['22008', 'a date out of range'],
    ['54001', 'a statement too deep'],
  ])('answers PostgreSQL error %s (%s) with a 400 that hides the SQL', (code) => {
    const body = filter.toBody(pgError(code));
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
    expect(JSON.stringify(body)).not.toMatch(/UPDATE|secret/);
  });

  it('names the field of a not-null violation by its API name', () => {
    expect(filter.toBody(pgError('23502', { column: 'display_name' }))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['displayName may not be empty'],
      errors: { displayName: 'displayName may not be empty' },
    });
  });

  it('answers anything unknown with a 500 that says nothing of the inside', () => {
    expect(filter.toBody(new TypeError('x is undefined at foo.ts:12'))).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side',
    });
  });
});
