import { backupMain } from './commands';

/** `npm run backup`: infra/scripts/backup.js runs this from dist/. */
export const main = (argv: string[]): Promise<number> => backupMain(argv);
