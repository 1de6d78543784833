/**
 * PostgreSQL refuses some writes for their data, not for the moment: SQLSTATE class 22 (data
 * exception: a NUL character in JSON, a value out of range) and class 23 (integrity constraint
 * violation). Retrying such a write can never succeed, so it must not be retried forever.
 * (A unique violation on an append is handled before this: it is a concurrent writer, not bad data.)
 */
export interface DataRefusal {
  sqlState: string;
  message: string;
}

/** The refusal, when `error` is PostgreSQL refusing the data (classes 22 and 23); null otherwise. */
export function dataRefusalOf(error: unknown): DataRefusal | null {
  if (!error || typeof error !== 'object') return null;
  const driver = (error as { driverError?: unknown }).driverError;
  const code = (error as { code?: unknown }).code ?? (driver as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !/^2[23][0-9A-Z]{3}$/.test(code)) return null;
  const message = (error as { message?: unknown }).message;
  return { sqlState: code, message: typeof message === 'string' ? message : code };
}
