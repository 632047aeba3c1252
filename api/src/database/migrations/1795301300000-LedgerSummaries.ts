import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Summary tables kept by the ledger's trigger path (issue 12); filled in by the report work. */
export class LedgerSummaries1795301300000 implements MigrationInterface {
  name = 'LedgerSummaries1795301300000';

  async up(_db: QueryRunner): Promise<void> {}

  async down(_db: QueryRunner): Promise<void> {}
}
