/**
 * A rule of the domain that a command or an input broke. `code` is stable (clients branch on it),
 * `field` names the offending input when there is one, `message` is for people.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
