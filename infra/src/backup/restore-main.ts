import { restoreMain } from './commands';

/** `npm run restore`: infra/scripts/restore.js runs this from dist/. */
export const main = (argv: string[]): Promise<number> => restoreMain(argv);
