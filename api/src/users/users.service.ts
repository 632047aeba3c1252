import { ConflictException, Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { PARTIES, type Party, ROLES, type Role } from '@app/contract';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth.decorators.js';
import { AuthService } from '../auth/auth.service.js';
import { hashPassword } from '../auth/password.js';
import { TotpService } from '../auth/totp.service.js';
import { fieldError, isUniqueViolation, notFound, uniqueConflict } from '../common/errors.js';
import { findPage, type ListQuery, type ListSpec, type Page } from '../common/list-query.js';
import { Unit } from '../units/unit.entity.js';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto.js';
import { toUserView, User, type UserView } from './user.entity.js';

export const USER_LIST: ListSpec = {
  resource: 'users',
  fields: {
    id: { column: 'u.id', type: 'uuid' },
    email: { column: 'u.email', type: 'string', sortable: true },
    displayName: { column: 'u.display_name', type: 'string', sortable: true },
    role: { column: 'u.role', type: 'string', sortable: true, values: ROLES },
    unitId: { column: 'u.unit_id', type: 'uuid', sortable: true },
    party: { column: 'u.party', type: 'string', sortable: true, values: PARTIES },
    active: { column: 'u.active', type: 'boolean', sortable: true },
    createdAt: { column: 'u.created_at', type: 'timestamp', sortable: true },
    totpEnabled: { column: '(u.totp_enabled_at IS NOT NULL)', type: 'boolean' },
  },
  search: ['u.email', 'u.display_name'],
  defaultSort: ['email', 'ASC'],
};

@Injectable()
export class UsersService {
  constructor(
    @InjectEntityManager() private readonly manager: EntityManager,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly totp: TotpService,
  ) {}

  list(query: ListQuery): Promise<Page<UserView>> {
    return findPage(this.manager.createQueryBuilder(User, 'u'), query, USER_LIST, toUserView);
  }

  async get(id: string): Promise<UserView> {
    const user = await this.manager.findOneBy(User, { id });
    return user ? toUserView(user) : throwNotFound();
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const unitId = dto.unitId ?? null;
    const passwordHash = await hashPassword(dto.password);
    return this.write(async (tx) => {
      await checkUnitForRole(tx, dto.role, unitId);
      const party = await partyFor(tx, dto.role, unitId, dto.party);
      const { id } = await tx.save(User, {
        email: dto.email,
        displayName: dto.displayName,
        role: dto.role,
        unitId,
        party,
        active: dto.active ?? true,
        passwordHash,
      });
      await this.audit.recordChange(tx, actor, 'user.create', { type: 'user', id }, { role: dto.role, unitId, party });
      return toUserView((await tx.findOneBy(User, { id }))!);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    const passwordHash = dto.password === undefined ? undefined : await hashPassword(dto.password);
    return this.write(async (tx) => {
      const current = await tx.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throwNotFound();
      const { password: _, ...fields } = dto;
      const next = { ...current, ...fields };
      if (fields.role !== undefined && fields.role !== 'unit_worker' && fields.unitId === undefined) next.unitId = null;
      await checkUnitForRole(tx, next.role, next.unitId ?? null);
      // a change of role or unit takes a party that fits it, unless one is sent
      const keep = fields.role === undefined && fields.unitId === undefined ? current.party : undefined;
      next.party = await partyFor(tx, next.role, next.unitId ?? null, fields.party ?? keep);
      if (id === actor.id && (next.role !== 'admin' || !next.active)) {
        throw new ConflictException('You cannot remove your own admin role or deactivate yourself; ask another admin');
      }
      const changed = (['email', 'displayName', 'role', 'unitId', 'party', 'active'] as const).filter(
        (k) => next[k] !== current[k],
      );
      if (passwordHash) changed.push('password' as never);
      await tx.save(User, passwordHash ? { ...next, passwordHash } : next);
      // Whoever changes what a user may see or how they sign in ends that user's sessions at once.
      const revokeFor = changed.filter((k) => ['role', 'unitId', 'party', 'active', 'email', 'password'].includes(k));
      const revoked = revokeFor.length ? await this.auth.revokeAll(id, `user.${revokeFor[0]}_changed`, tx) : 0;
      await this.audit.recordChange(
        tx,
        actor,
        'user.update',
        { type: 'user', id },
        { changed, sessionsRevoked: revoked },
      );
      return toUserView((await tx.findOneBy(User, { id }))!);
    });
  }

  /** Clears a user's second factor and recovery codes (a lost phone) and ends every session of that user. */
  async resetTotp(actor: Actor, id: string): Promise<UserView> {
    return this.manager.transaction(async (tx) => {
      const user = await tx.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throwNotFound();
      const recoveryCodesCleared = await this.totp.clear(tx, id);
      const sessionsRevoked = await this.auth.revokeAll(id, 'user.totp_reset', tx);
      await this.audit.recordChange(
        tx,
        actor,
        'user.totp_reset',
        { type: 'user', id },
        { wasEnabled: user.totpEnabledAt !== null, recoveryCodesCleared, sessionsRevoked },
      );
      return toUserView((await tx.findOneBy(User, { id }))!);
    });
  }

  private async write<R>(work: (tx: EntityManager) => Promise<R>): Promise<R> {
    try {
      return await this.manager.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_unique')) throw uniqueConflict('email', 'is already in use');
      throw error;
    }
  }
}

async function checkUnitForRole(tx: EntityManager, role: Role, unitId: string | null): Promise<void> {
  if (role === 'unit_worker' && !unitId) throw fieldError('unitId', 'a unit worker must belong to a unit');
  if (role !== 'unit_worker' && unitId) throw fieldError('unitId', `must be empty for the role ${role}`);
  if (unitId && !(await tx.existsBy(Unit, { id: unitId }))) throw fieldError('unitId', 'no unit has this id');
}

/**
 * The party of a user of the role: national for the national roles; for a unit worker the one asked
 * for (else police, the exit units being police-led), which must be one of the unit's parties.
 */
async function partyFor(
  tx: EntityManager,
  role: Role,
  unitId: string | null,
  asked: Party | undefined,
): Promise<Party> {
  if (role !== 'unit_worker') {
    if (asked !== undefined && asked !== 'national') throw fieldError('party', `must be national for the role ${role}`);
    return 'national';
  }
  const party = asked ?? 'police';
  if (party === 'national')
    throw fieldError('party', 'a unit worker works for one of the unit’s parties, not national');
  const unit = await tx.findOneBy(Unit, { id: unitId! });
  if (unit && !unit.parties.includes(party)) {
    throw fieldError('party', `must be one of the unit’s parties: ${unit.parties.join(', ')}`);
  }
  return party;
}

function throwNotFound(): never {
  throw notFound('User');
}
