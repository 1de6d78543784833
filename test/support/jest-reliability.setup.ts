// Fault scenarios drive the whole system through crashes and outages: twenty minutes each.
jest.setTimeout(1_200_000);
