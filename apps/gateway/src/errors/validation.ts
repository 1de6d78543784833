import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { userError } from './graphql-errors';

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; reason: string } {
  const [error] = errors;
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  if (error.constraints) return { field, reason: Object.values(error.constraints)[0] };
  return firstProblem(error.children ?? [], field);
}

/**
 * NUL and lone UTF-16 surrogates are not text, and PostgreSQL refuses them (in jsonb and text): let
 * through, one made a lookup fail with a server error, or an event that could never be stored.
 */
// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const NOT_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string in an argument that is not text (`title`, `references[2]`, `items[0].title`), or null. */
function notText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return NOT_TEXT.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = notText(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = notText(inner, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

/** class-validator, after refusing strings that are not text; errors are BAD_USER_INPUT naming the field and the reason. */
class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // GraphQL arguments reach pipes as 'body'; custom decorators (the principal) as 'custom'.
    if (metadata.type === 'body') {
      const found = notText(value, '');
      const field = found || metadata.data;
      if (found !== null && field)
        throw userError(
          'BAD_USER_INPUT',
          `${field}: contiene caracteres que no son texto (NUL o un sustituto UTF-16 suelto); quítelos.`,
          field,
        );
    }
    return super.transform(value, metadata);
  }
}

export const validationPipe = new InputValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: true,
  exceptionFactory: (errors) => {
    const { field, reason } = firstProblem(errors);
    return userError('BAD_USER_INPUT', `${field}: ${reason}`, field);
  },
});
