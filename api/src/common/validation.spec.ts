import { BadRequestException } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Nullable } from './nullable.js';
import { AppValidationPipe } from './validation.js';
import { IsIsoDate } from './validators.js';

class ItemDto {
  @IsString() name: string;
  @IsOptional() @IsInt() count?: number;
}

class ThingDto {
  @IsString() title: string;

  @Nullable()
  @ValidateIf((_, v) => v !== undefined)
  @IsUUID()
  ownerId?: string | null;

  @IsIsoDate('endsOn', { nullable: true }) endsOn?: string | null;

  @IsArray() @ValidateNested({ each: true }) @Type(() => ItemDto) items: ItemDto[];
}

class UpdateThingDto extends PartialType(ThingDto) {}

const pipe = new AppValidationPipe();
const body = (metatype: new () => object) => ({ type: 'body' as const, metatype, data: undefined });

async function errorsOf(metatype: new () => object, value: unknown): Promise<Record<string, string>> {
  try {
    await pipe.transform(value, body(metatype));
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { errors: Record<string, string> }).errors;
  }
  throw new Error('expected a 400');
}

describe(AppValidationPipe.name, () => {
  it('refuses null for an optional field on update, which @IsOptional() lets through', async () => {
    expect(await errorsOf(UpdateThingDto, { title: null })).toEqual({ title: 'title may not be null' });
  });

  it('refuses null at any depth, naming the path', async () => {
    expect(await errorsOf(UpdateThingDto, { items: [{ name: 'a', count: null }, null] })).toEqual({
      'items.0.count': 'items.0.count may not be null',
      'items.1': 'items.1 may not be null',
    });
  });

  it('takes null where the field is @Nullable(), also through PartialType and IsIsoDate', async () => {
    const value = await pipe.transform({ ownerId: null, endsOn: null }, body(UpdateThingDto));
    expect(value).toEqual({ ownerId: null, endsOn: null });
    await expect(
      pipe.transform({ title: 't', ownerId: null, endsOn: null, items: [] }, body(ThingDto)),
    ).resolves.toBeDefined();
  });

  it('refuses a list where an item of a nested list belongs', async () => {
    const errors = await errorsOf(UpdateThingDto, { items: [[{ name: 'a' }]] });
    expect(errors['items.0']).toBe('items.0 must be an object, not a list');
  });

  it('refuses control characters and prototype keys in form fields too (multipart bodies)', async () => {
    expect(await errorsOf(UpdateThingDto, { title: 'a\u0000' })).toEqual({
      title: 'title must not contain control characters; found U+0000',
    });
    expect(await errorsOf(UpdateThingDto, JSON.parse('{"__proto__":{"title":"x"}}'))).toEqual({
      ['__proto__']: '__proto__ is not a known field',
    });
  });
});

describe('the codes of a 400, for clients that translate', () => {
  class CodedDto {
    @IsString() @MaxLength(40) name: string;
    @IsOptional() @IsIn(['a', 'b']) kind?: string;
    @IsOptional() @IsInt() @Min(1) count?: number;
  }

  async function bodyOf(value: unknown): Promise<Record<string, unknown>> {
    try {
      await pipe.transform(value, body(CodedDto));
    } catch (error) {
      return (error as BadRequestException).getResponse() as Record<string, unknown>;
    }
    throw new Error('expected a 400');
  }

  it('names the failing rule of each field with its declared limits, beside the English text', async () => {
    const response = await bodyOf({ name: 'x'.repeat(41), kind: 'c', count: 0, extra: 1 });
    expect(response.codes).toEqual({
      name: { code: 'maxLength', args: [40] },
      kind: { code: 'isIn', args: [['a', 'b']] },
      count: { code: 'min', args: [1] },
      extra: { code: 'unknownField' },
    });
    expect(Object.keys(response.errors as object).sort()).toEqual(['count', 'extra', 'kind', 'name']);
  });

  it('says required for a missing field and notNull for a null one, and never sends the object back', async () => {
    const response = await bodyOf({ kind: null });
    expect(response.codes).toEqual({ name: { code: 'required' }, kind: { code: 'notNull' } });
    expect(JSON.stringify(response)).not.toContain('target');
  });
});
