import { formatError } from './graphql-errors';

describe('GraphQL error formatting', () => {
  it('keeps the stable code, the field and the message of user errors and drops everything else', () => {
    expect(
      formatError({
        message: 'deliverable: debe estar entre 1 y 34',
        path: ['submitDocument'],
        extensions: { code: 'BAD_USER_INPUT', field: 'deliverable', stacktrace: ['at x (y.js:1:1)'] },
      }),
    ).toEqual({
      message: 'deliverable: debe estar entre 1 y 34',
      path: ['submitDocument'],
      extensions: { code: 'BAD_USER_INPUT', field: 'deliverable' },
    });
  });

  it('keeps what a client branches on: why validation failed, when to retry', () => {
    const introspection = {
      message: 'La introspección del esquema (__schema) está desactivada en este servidor',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'INTROSPECTION_DISABLED' },
    };
    expect(formatError(introspection).extensions).toEqual(introspection.extensions);
    expect(
      formatError({ message: 'Demasiadas solicitudes', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 42 } })
        .extensions,
    ).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 42 });
  });

  it('hides the message and stack of unexpected errors', () => {
    const formatted = formatError({
      message: 'connect ECONNREFUSED 127.0.0.1:5433',
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['...'] },
    });
    expect(formatted).toEqual({
      message: 'Error interno del servidor',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
      path: undefined,
    });
  });
});
