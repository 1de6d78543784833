import { ApplicationError } from '../errors';

/** The error a use case refused with (fails the test when it did not refuse, or threw something else). */
export async function refusal(run: Promise<unknown>): Promise<ApplicationError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof ApplicationError) return error;
    throw error;
  }
  throw new Error('expected a refusal, the use case succeeded');
}
