import { getMetadataStorage, ValidateIf, ValidationTypes } from 'class-validator';

const NULLABLE = 'nullable';

/**
 * A property for which `null` is a value (it clears it), not a mistake: its
 * other checks are skipped for null. The validation pipe refuses null for
 * every property without this mark.
 */
export function Nullable(): PropertyDecorator {
  return ValidateIf((_, value) => value !== null, { context: { [NULLABLE]: true } });
}

interface Declared {
  known: Set<string>;
  nullable: Set<string>;
  /** Properties that hold a nested DTO (`@ValidateNested()`), or a list of them. */
  nested: Set<string>;
}

const declared = new WeakMap<object, Declared>();

/** The properties a DTO class declares (its validation rules, inherited or mapped ones too), which of them are nullable and which nest. */
export function declaredProperties(target: abstract new (...args: never[]) => unknown): Declared {
  const cached = declared.get(target);
  if (cached) return cached;
  const known = new Set<string>();
  const nullable = new Set<string>();
  const nested = new Set<string>();
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(target, '', false, false)) {
    known.add(rule.propertyName);
    const context = rule.context as Record<string, unknown> | undefined;
    if (rule.type === ValidationTypes.CONDITIONAL_VALIDATION && context?.[NULLABLE] === true) {
      nullable.add(rule.propertyName);
    }
    if (rule.type === ValidationTypes.NESTED_VALIDATION) nested.add(rule.propertyName);
  }
  const found = { known, nullable, nested };
  declared.set(target, found);
  return found;
}
