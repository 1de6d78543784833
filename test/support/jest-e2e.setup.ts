// End-to-end tests start real servers: give each test and hook five minutes.
jest.setTimeout(300_000);
