/**
 * Whether an error means a service the gateway depends on (PostgreSQL, Temporal) is down or
 * unreachable for now — the request was fine and may be sent again — rather than a defect.
 * Looks through the error's causes (TypeORM wraps pg's errors; Temporal's client wraps gRPC's).
 */
export function isTransient(error: unknown): boolean {
  for (
    let e = error, depth = 0;
    e && depth < 6;
    e = (e as { cause?: unknown; driverError?: unknown }).cause ?? (e as { driverError?: unknown }).driverError, depth++
  ) {
    const { code, name, message } = e as { code?: unknown; name?: string; message?: string };
    if (typeof code === 'string' && PG_UNAVAILABLE.has(code)) return true;
    // gRPC: 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED (Temporal's frontend down or restarting).
    if (typeof code === 'number' && (code === 14 || code === 4)) return true;
    if (name === 'WorkflowUpdateRPCTimeoutOrCancelledError') return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGE.test(message)) return true;
  }
  return false;
}

/** Node's connection errors and PostgreSQL's SQLSTATE classes 08 (connection) and 57P (shutdown). */
const PG_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '08P01',
]);
const TRANSIENT_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|Failed to connect before the deadline/i;
