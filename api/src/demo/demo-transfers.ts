import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/auth.decorators.js';
import { User } from '../auth/user.entity.js';
import { CaseTransfersService } from '../case-transfers/case-transfers.service.js';
import { MOVING_STATUSES } from '../case-transfers/case-transfers.service.js';
import type { DemoProfile } from './demo-data.js';

/**
 * Cases that move (issue 14), through the same service a user's clicks go through: an agreement
 * made in custody passed to the first unit at release (the contact point's transfer, accepted at
 * once), a case the first unit proposes to the second that waits for its answer, and one the
 * second unit declined. The profile's units: KRF, KBH and FYN in Denmark; RISE, HEL and OUL in Finland.
 */
export async function seedDemoTransfers(app: INestApplicationContext, profile: DemoProfile): Promise<void> {
  const db = app.get(DataSource);
  const transfers = app.get(CaseTransfersService);
  const users = await db.getRepository(User).find();
  const actor = (email: string): Actor => {
    const u = users.find((x) => x.email === email)!;
    return {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      unitId: u.unitId,
      party: u.party,
      sessionId: 'demo-seed',
    };
  };
  const [first, second] = profile.workers.map(actor);
  const ncp = actor('ncp@demo.test');
  const [custody] = await db.query(`SELECT id FROM units WHERE code = $1`, [profile.custody]);

  // an active case of each unit with nothing undecided: its move changes no unit's list of open applications
  const settled = async (unitId: string, skip: string[] = []): Promise<string | undefined> => {
    const [row] = await db.query(
      `SELECT c.id FROM cases c
        WHERE c.unit_id = $1 AND c.status = 'active' AND NOT (c.id = ANY ($3::uuid[]))
          AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.case_id = c.id AND a.status = ANY ($2))
        ORDER BY c.reference LIMIT 1`,
      [unitId, MOVING_STATUSES, skip],
    );
    return row?.id;
  };

  const released = custody ? await settled(custody.id) : undefined;
  if (released) {
    await transfers.propose(ncp, released, {
      toUnitId: first.unitId!,
      reason: 'Released from custody on parole; the cooperation agreement continues with the local exit unit.',
    });
  }
  const proposed = await settled(first.unitId!, released ? [released] : []);
  if (proposed) {
    await transfers.propose(first, proposed, {
      toUnitId: second.unitId!,
      reason: 'The candidate moves to the other district to be near work and away from the old milieu.',
    });
  }
  const declined = await settled(second.unitId!);
  if (declined) {
    const proposal = await transfers.propose(second, declined, {
      toUnitId: first.unitId!,
      reason: 'The candidate may move in with family in the capital.',
    });
    await transfers.decline(first, proposal.id, { reason: 'The move is not settled yet; we talk again next month.' });
  }
}
