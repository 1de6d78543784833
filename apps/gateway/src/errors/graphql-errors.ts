import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Stable error codes clients can branch on. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export function userError(code: ErrorCode, message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(field ? { field } : {}) } });
}

/**
 * PostgreSQL or Temporal is unreachable for now: HTTP 503, and the client may send the same request
 * again — an oficio sent twice is recorded once.
 */
export function unavailableError(): GraphQLError {
  return new GraphQLError(
    'El servicio no está disponible por el momento (base de datos o servidor de flujos de trabajo); vuelva a intentarlo: reenviar el mismo oficio no lo registra dos veces.',
    { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } },
  );
}

/** Too many operations: RATE_LIMITED, with the seconds to wait (and, over HTTP, its status and headers). */
export function rateLimitedError(
  message: string,
  retryAfterSeconds: number,
  http?: Record<string, unknown>,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'RATE_LIMITED', retryAfterSeconds, ...(http ? { http } : {}) },
  });
}

/** A query that does not parse, said in Spanish (see formatError), as over HTTP. */
export function parseFailedError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
}

/** A WebSocket connection or user past its subscriptions' cap. */
export function tooManySubscriptionsError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } });
}

/** A request with the session cookie but without the header only the console's own script sends (CSRF). */
export function crossSiteError(header: string): GraphQLError {
  return new GraphQLError(
    `Solicitud rechazada: con la cookie de sesión, toda solicitud POST debe llevar el encabezado ${header}: 1 (protección contra solicitudes desde otros sitios, CSRF)`,
    { extensions: { code: 'FORBIDDEN' } },
  );
}

const KNOWN_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
]);
/** Extensions a client may branch on besides the code (INTROSPECTION_DISABLED; when to retry after RATE_LIMITED). */
const KEPT_EXTENSIONS = ['field', 'validationErrorCode', 'retryAfterSeconds'] as const;

/** Keeps code, message and the extensions above; drops stack traces and hides unexpected errors' details. */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (!KNOWN_CODES.has(code)) {
    return {
      message: 'Error interno del servidor',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
      path: formatted.path,
    };
  }
  const extensions: Record<string, unknown> = { code };
  for (const name of KEPT_EXTENSIONS)
    if (formatted.extensions?.[name] !== undefined) extensions[name] = formatted.extensions[name];
  if (code === 'BAD_USER_INPUT' && extensions.field === undefined) {
    const field = variableField(formatted.message);
    if (field) extensions.field = field;
  }
  return {
    message: spanishParseMessage(code, formatted.message),
    locations: formatted.locations,
    path: formatted.path,
    extensions,
  };
}

/** graphql-js says in English (and misspelt) that a document passed the token limit; the users read Spanish. */
function spanishParseMessage(code: string, message: string): string {
  const limit =
    code === 'GRAPHQL_PARSE_FAILED'
      ? /Document contains more (?:than|that) (\d+) tokens/.exec(message)?.[1]
      : undefined;
  return limit
    ? `La consulta es demasiado larga: tiene más de ${limit} elementos; pida menos campos o divídala en varias consultas`
    : message;
}

/**
 * The field a variable that does not fit its type names (graphql-js says it only in words):
 * `Variable "$input" got invalid value "6" at "input.deliverable"; …` → deliverable,
 * `…; Field "foo" is not defined by type "X".` → foo, `Variable "$input" of non-null type …` → input.
 */
function variableField(message: string): string | undefined {
  const variable = /^Variable "\$(\w+)" /.exec(message)?.[1];
  if (!variable) return undefined;
  const at = / at "\w+((?:\.\w+|\[\d+\])*)"; /.exec(message)?.[1] ?? '';
  const inner = /; Field "(\w+)" (?:is not defined by type|of required type)/.exec(message)?.[1];
  return `${at}${inner ? `.${inner}` : ''}`.replace(/^\./, '') || variable;
}
