import { ApiPropertyOptions, getSchemaPath } from '@nestjs/swagger';

/**
 * The OpenAPI description of an object keyed by a vocabulary (`Record<StakeholderClass, number>`):
 * each key a property of the same kind, and no other key. `value` is a JSON type, or a view class
 * (which the document then holds as a component: give it to `@ApiExtraModels` on the view).
 */
export function keyedBy(
  keys: readonly string[],
  value: 'number' | 'string' | (new () => object),
  description?: string,
): ApiPropertyOptions {
  const schema = typeof value === 'string' ? { type: value } : { $ref: getSchemaPath(value) };
  return {
    type: 'object',
    properties: Object.fromEntries(keys.map((key) => [key, schema])),
    additionalProperties: false,
    ...(description ? { description } : {}),
  };
}
