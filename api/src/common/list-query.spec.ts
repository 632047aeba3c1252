import { BadRequestException } from '@nestjs/common';
import { type ListSpec, Page, parseListQuery } from './list-query.js';

const SPEC: ListSpec = {
  resource: 'things',
  fields: {
    id: { column: 't.id', type: 'uuid' },
    name: { column: 't.name', type: 'string', sortable: true },
    kind: { column: 't.kind', type: 'string', values: ['a', 'b'] },
    count: { column: 't.count', type: 'integer', sortable: true },
    on: { column: 't.on', type: 'date' },
  },
  search: ['t.name'],
  defaultSort: ['name', 'ASC'],
};

const errorOf = (raw: Record<string, unknown>): Record<string, string> => {
  try {
    parseListQuery(raw, SPEC);
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { errors: Record<string, string> }).errors;
  }
  throw new Error('expected a 400');
};

describe(parseListQuery.name, () => {
  it('defaults to the first 25 records in the default order', () => {
    expect(parseListQuery({}, SPEC)).toEqual({ sort: ['name', 'ASC'], range: [0, 24], filter: {} });
  });

  it('reads react-admin’s JSON sort, range and filter', () => {
    const query = parseListQuery(
      { sort: '["count","desc"]', range: '[10,19]', filter: '{"kind":"a","count_gte":3,"q":"x"}' },
      SPEC,
    );
    expect(query).toEqual({ sort: ['count', 'DESC'], range: [10, 19], filter: { kind: 'a', count_gte: 3, q: 'x' } });
  });

  it('widens the page of a getMany to every listed id', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(parseListQuery({ filter: JSON.stringify({ id: ids }) }, SPEC).range).toEqual([0, 39]);
  });

  it.each(['ASC', 'DESC'])('sorts by id %s although the spec does not list id as sortable', (order) => {
    expect(SPEC.fields.id.sortable).toBeUndefined();
    expect(parseListQuery({ sort: `["id","${order}"]` }, SPEC).sort).toEqual(['id', order]);
  });

  it('refuses a date filter that is no day of the calendar', () => {
    expect(errorOf({ filter: '{"on_gte":"2026-02-30"}' })).toEqual({ 'filter.on_gte': 'must be a date' });
    expect(parseListQuery({ filter: '{"on_gte":"2024-02-29"}' }, SPEC).filter).toEqual({ on_gte: '2024-02-29' });
  });

  it('names id among the sortable fields', () => {
    expect(errorOf({ sort: '["kind","ASC"]' }).sort).toBe('cannot sort by "kind"; sortable: id, name, count');
  });

  it.each([
    [{ filter: '{"constructor":null}' }, 'filter.constructor'],
    [{ filter: '{"__proto__":null}' }, 'filter.__proto__'],
    [{ filter: '{"toString_gte":1}' }, 'filter.toString_gte'],
    [{ filter: '{"hasOwnProperty":"x"}' }, 'filter.hasOwnProperty'],
    [{ sort: '["constructor","ASC"]' }, 'sort'],
    [{ sort: '["__proto__","ASC"]' }, 'sort'],
  ])('takes only the spec’s own fields: refuses %j naming %s', (raw, field) => {
    expect(Object.keys(errorOf(raw))).toEqual([field]);
  });

  it.each([
    [{ filter: '{"q":"a\\u0000b"}' }, 'filter.q', /control characters/],
    [{ filter: '{"name":"\\ud800"}' }, 'filter.name', /not valid Unicode/],
    [{ filter: `{"q":${'['.repeat(40)}${']'.repeat(40)}}` }, 'filter.q', /nested too deeply/],
  ])('refuses what no input may hold in a JSON value: %j', (raw, field, message) => {
    expect(errorOf(raw)[field]).toMatch(message);
  });

  it.each([
    [{ sort: '["kind","ASC"]' }, 'sort'],
    [{ range: '[0]' }, 'range'],
    [{ range: '[-1,5]' }, 'range'],
    [{ filter: '[1]' }, 'filter'],
    [{ filter: '{"kind":"c"}' }, 'filter.kind'],
    [{ filter: '{"count":"3"}' }, 'filter.count'],
    [{ filter: '{"on":"21/11/2026"}' }, 'filter.on'],
    [{ filter: '{"name_gte":"a"}' }, 'filter.name_gte'],
    [{ filter: '{"q":5}' }, 'filter.q'],
    [{ sort: ['a', 'b'] }, 'sort'],
  ])('refuses %j naming %s', (raw, field) => {
    expect(Object.keys(errorOf(raw))).toEqual([field]);
  });
});

describe(Page.name, () => {
  it('describes its rows in the Content-Range form', () => {
    expect(new Page('things', [1, 2, 3], 40, 10).contentRange).toBe('things 10-12/40');
    expect(new Page('things', [], 0, 0).contentRange).toBe('things */0');
  });
});
