import {
  canonicalEvent,
  canonicalJson,
  type ChainFields,
  eventHash,
  GENESIS_HASH,
  jsonDetails,
} from './audit-chain.js';

// The expected texts are written out by hand from the format described in audit-chain.ts, and the
// expected hashes were computed outside this code: `printf '%s' '<the text>' | sha256sum`.
const FIRST_TEXT =
  '["exitpool-audit/1",42,"3f2c1a9e-8b7d-4c6e-9f01-23456789abcd","2026-05-01T10:00:00.123456Z",' +
  '"0b1e2d3c-4a5f-4678-9abc-def012345678","application.approve","application",' +
  '"a1b2c3d4-e5f6-4789-8abc-0123456789ef","req-7",' +
  '{"amount":"1250000","from":"in_review","nested":{"A":1,"a":[true,false,null,-0.5,1e+21],"ø":"Æble \\"quoted\\"\\n"},"to":"approved"},' +
  '"0000000000000000000000000000000000000000000000000000000000000000"]';
const FIRST_HASH = 'c6c21e4d41665dcaed560f17b079c8fa4a7e2fcc0e481e0c060a6ef5d3893de1';
const SECOND_HASH = '9858e50cf14de80916036d4e8aec35f0b2e6e5bb8c245f65644b0c0e63841353';

const first: ChainFields = {
  seq: '42',
  id: '3f2c1a9e-8b7d-4c6e-9f01-23456789abcd',
  at: '2026-05-01T10:00:00.123456Z',
  actorId: '0b1e2d3c-4a5f-4678-9abc-def012345678',
  action: 'application.approve',
  entityType: 'application',
  entityId: 'a1b2c3d4-e5f6-4789-8abc-0123456789ef',
  requestId: 'req-7',
  // keys deliberately out of order: the canonical form sorts them
  details: {
    to: 'approved',
    nested: { ø: 'Æble "quoted"\n', a: [true, false, null, -0.5, 1e21], A: 1 },
    from: 'in_review',
    amount: '1250000',
  },
  prevHash: GENESIS_HASH,
};

const second: ChainFields = {
  seq: '43',
  id: '5d6e7f80-91a2-4b3c-8d4e-5f6071829304',
  at: '2026-05-01T10:00:01.000001Z',
  actorId: null,
  action: 'auth.login_throttled',
  entityType: 'user',
  entityId: null,
  requestId: null,
  details: { email: 'x@test.example' },
  prevHash: FIRST_HASH,
};

describe('the audit chain', () => {
  describe(canonicalEvent.name, () => {
    it('writes the fields in their fixed order, the details with sorted keys and no white space', () => {
      expect(canonicalEvent(first)).toBe(FIRST_TEXT);
    });

    it('does not depend on the order in which the details were built', () => {
      const byHand = {
        ...first,
        details: {
          amount: '1250000',
          from: 'in_review',
          nested: { A: 1, a: [true, false, null, -0.5, 1e21], ø: 'Æble "quoted"\n' },
          to: 'approved',
        },
      };
      expect(canonicalEvent(byHand)).toBe(FIRST_TEXT);
    });

    it('refuses a sequence number that is not a positive integer and a malformed previous hash', () => {
      expect(() => canonicalEvent({ ...first, seq: '0' })).toThrow(/seq/);
      expect(() => canonicalEvent({ ...first, seq: '4.2' })).toThrow(/seq/);
      expect(() => canonicalEvent({ ...first, prevHash: 'ABC' })).toThrow(/prevHash/);
    });
  });

  describe(eventHash.name, () => {
    it('is the SHA-256 of the canonical text, computed independently', () => {
      expect(eventHash(first)).toBe(FIRST_HASH);
    });

    it('chains: the next event carries the hash of the one before', () => {
      expect(eventHash(second)).toBe(SECOND_HASH);
    });

    it.each<[string, Partial<ChainFields>]>([
      ['the sequence number', { seq: '41' }],
      ['the time, by a microsecond', { at: '2026-05-01T10:00:00.123457Z' }],
      ['the actor', { actorId: null }],
      ['the action', { action: 'application.reject' }],
      ['a detail', { details: { ...(first.details as object), amount: '1250001' } }],
      ['the request id', { requestId: 'req-8' }],
      ['the previous hash', { prevHash: SECOND_HASH }],
    ])('changes with %s', (_, change) => {
      expect(eventHash({ ...first, ...change })).not.toBe(FIRST_HASH);
    });
  });

  describe(canonicalJson.name, () => {
    it('sorts keys by UTF-16 code units, upper case before lower case and before other letters', () => {
      expect(canonicalJson({ b: 1, a: 2, B: 3, å: 4, aa: 5 })).toBe('{"B":3,"a":2,"aa":5,"b":1,"å":4}');
    });

    it('writes numbers in their shortest form and escapes control characters', () => {
      expect(canonicalJson([1.0, 0.1, -0, 1e-7, 'a\u0001b\tc'])).toBe('[1,0.1,0,1e-7,"a\\u0001b\\tc"]');
    });

    it('refuses what JSON cannot hold', () => {
      expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(TypeError);
      expect(() => canonicalJson(10n)).toThrow(TypeError);
    });
  });

  describe(jsonDetails.name, () => {
    it('keeps what jsonb keeps: no undefined, dates as ISO strings', () => {
      expect(jsonDetails({ a: undefined, at: new Date('2026-01-02T03:04:05.006Z'), n: [1, undefined] })).toEqual({
        at: '2026-01-02T03:04:05.006Z',
        n: [1, null],
      });
      expect(jsonDetails(undefined)).toEqual({});
    });
  });
});
