import { resolve } from 'node:path';
import { loadConfig } from '../config/app-config.js';
import { AttachmentFileMove } from './attachment-file-move.js';

describe(AttachmentFileMove.name, () => {
  const at = (dataDir: string) =>
    new AttachmentFileMove({ ...loadConfig({}), dataDir }, undefined as never, undefined as never);

  it('refuses to start with DATA_DIR inside the served admin UI, where its database files and keys would be served', () => {
    expect(() => at(resolve('admin/dist/data')).onModuleInit()).toThrow(
      /^DATA_DIR must not be inside the served admin UI \(admin\/dist\)/,
    );
    expect(() => at(resolve('admin/dist')).onModuleInit()).toThrow(/must not be inside the served admin UI/);
  });

  it('accepts DATA_DIR beside it', () => {
    expect(() => at(resolve('admin/dist-data')).onModuleInit()).not.toThrow();
    expect(() => at('./data').onModuleInit()).not.toThrow();
  });
});
