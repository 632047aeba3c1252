import { DEFAULT_POOL_SIZE } from '../config/app-config.js';
import { dataSourceOptions } from './data-source.js';

const URL = 'postgres://exitpool@127.0.0.1:5432/exitpool';

describe(dataSourceOptions.name, () => {
  it('opens at most DATABASE_POOL_SIZE connections, 20 unless told', () => {
    expect(dataSourceOptions(URL, 7)).toMatchObject({ extra: { max: 7 } });
    expect(dataSourceOptions(URL)).toMatchObject({ extra: { max: DEFAULT_POOL_SIZE } });
    expect(DEFAULT_POOL_SIZE).toBe(20);
  });

  it('never synchronizes: the migrations own the schema', () => {
    expect(dataSourceOptions(URL)).toMatchObject({ synchronize: false, migrationsRun: false });
  });
});
