import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { userError } from './graphql-errors';

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; reason: string } {
  const [error] = errors;
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  if (error.constraints) return { field, reason: Object.values(error.constraints)[0] };
  return firstProblem(error.children ?? [], field);
}

/** class-validator errors become BAD_USER_INPUT naming the field and the reason. */
export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidUnknownValues: true,
  exceptionFactory: (errors) => {
    const { field, reason } = firstProblem(errors);
    return userError('BAD_USER_INPUT', `${field}: ${reason}`, field);
  },
});
