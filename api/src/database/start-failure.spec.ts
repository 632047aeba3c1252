import { databaseProblem, describeError, listenProblem } from './start-failure.js';

const systemError = (code: string, message = '') => Object.assign(new Error(message), { code });

describe('describeError', () => {
  it('never answers "undefined" for a rejection without a reason', () => {
    expect(describeError(undefined)).toBe('an unknown failure (nothing said why)');
    expect(describeError(null)).toBe('an unknown failure (nothing said why)');
  });

  it('names an error that has no message by its kind and code', () => {
    expect(describeError(systemError('EPIPE'))).toBe('Error (EPIPE) without a message');
  });

  it('gives the messages of an AggregateError whose own message is empty', () => {
    const error = new AggregateError([
      systemError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5999'),
      systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5999'),
    ]);
    expect(describeError(error)).toBe('connect ECONNREFUSED ::1:5999; connect ECONNREFUSED 127.0.0.1:5999');
  });

  it('keeps a message that is there', () => {
    expect(describeError(new Error('disk full'))).toBe('disk full');
    expect(describeError('plain text')).toBe('plain text');
  });
});

describe('databaseProblem', () => {
  const url = 'postgres://exitpool:s3cret-Pa55@db.example:6543/grants';

  it('says nothing answers when the connection is refused, also for every address of a host name', () => {
    const refused = new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')]);
    expect(databaseProblem(refused, url, 'DATABASE_URL')).toBe(
      'nothing answers at db.example:6543 (DATABASE_URL): is the database server running, and are the host and port right?',
    );
  });

  it('says the password was refused, naming the user and never the password', () => {
    const error = Object.assign(new Error('password authentication failed for user "exitpool"'), { code: '28P01' });
    const text = databaseProblem(error, url, 'DATABASE_URL');
    expect(text).toBe(
      'the database server at db.example:6543 refused the password of user exitpool (DATABASE_URL): check the password',
    );
    expect(text).not.toContain('s3cret');
  });

  it('says which database is missing', () => {
    const error = Object.assign(new Error('database "grants" does not exist'), { code: '3D000' });
    expect(databaseProblem(error, url, 'DATABASE_URL')).toBe(
      'the database grants does not exist on db.example:6543 (DATABASE_URL): create it, owned by exitpool, or fix the URL',
    );
  });

  it('says an unknown host is unknown', () => {
    expect(databaseProblem(systemError('ENOTFOUND'), url, 'DATABASE_URL')).toBe(
      'the database host db.example (DATABASE_URL) is not known: check the host name',
    );
  });

  it('leaves any other error to the caller', () => {
    expect(databaseProblem(Object.assign(new Error('syntax error'), { code: '42601' }), url, 'DATABASE_URL')).toBe(
      undefined,
    );
  });
});

describe('listenProblem', () => {
  it('says the port is in use', () => {
    expect(listenProblem(systemError('EADDRINUSE', 'listen EADDRINUSE: address already in use :::3000'), 3000)).toBe(
      'port 3000 is in use: another program (perhaps another Exit Pool) listens on it; stop it, or set PORT to a free port',
    );
  });

  it('says a privileged port needs privileges', () => {
    expect(listenProblem(systemError('EACCES'), 80)).toBe(
      'port 80 needs privileges this user does not have: set PORT to 1024 or above',
    );
  });
});
