import { temporalDatabaseUrls } from './backup';

describe('temporalDatabaseUrls', () => {
  it('names the full server’s two databases on the same server, with the same role', () => {
    expect(temporalDatabaseUrls('postgres://temporal:s%40cr3t@127.0.0.1:5433/postgres')).toEqual([
      'postgres://temporal:s%40cr3t@127.0.0.1:5433/temporal',
      'postgres://temporal:s%40cr3t@127.0.0.1:5433/temporal_visibility',
    ]);
  });
});
