import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes that serve each list's filter and sort at scale (issue 12); filled in by the list work. */
export class ListIndexes1795301200000 implements MigrationInterface {
  name = 'ListIndexes1795301200000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
