import { addCountedDays, endOfLocalDay, isBusinessDay, localDateOf, type CalendarPolicy } from './calendar';
import { federalHolidays } from './holidays';

const calendar: CalendarPolicy = { dayCount: 'CALENDAR', closedDays: [] };
const business: CalendarPolicy = { dayCount: 'BUSINESS', closedDays: [] };

describe('federal holidays (LFT art. 74)', () => {
  it('lists 2024 with the change of executive and the federal election day', () => {
    expect(federalHolidays(2024)).toEqual([
      '2024-01-01',
      '2024-02-05', // first Monday of February
      '2024-03-18', // third Monday of March
      '2024-05-01',
      '2024-06-02', // election day
      '2024-09-16',
      '2024-10-01', // change of federal executive
      '2024-11-18', // third Monday of November
      '2024-12-25',
    ]);
  });

  it('has neither in 2025', () => {
    expect(federalHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-02-03',
      '2025-03-17',
      '2025-05-01',
      '2025-09-16',
      '2025-11-17',
      '2025-12-25',
    ]);
  });
});

describe('counting days', () => {
  it('counts every day during an electoral process', () => {
    expect(addCountedDays('2024-02-22', 5, calendar)).toBe('2024-02-27');
    expect(addCountedDays('2024-03-14', 5, calendar)).toBe('2024-03-19');
  });

  it('skips weekends and holidays outside it', () => {
    // Thu 14 Mar 2024 + 5 business days: Fri 15, (weekend), (Mon 18 holiday), Tue 19, Wed 20, Thu 21, Fri 22.
    expect(addCountedDays('2024-03-14', 5, business)).toBe('2024-03-22');
    expect(isBusinessDay('2024-03-18', business)).toBe(false);
    expect(isBusinessDay('2024-03-19', business)).toBe(true);
  });

  it('skips the closed days an OPLE configures', () => {
    const closed: CalendarPolicy = { dayCount: 'BUSINESS', closedDays: ['2024-03-27', '2024-03-28', '2024-03-29'] };
    expect(addCountedDays('2024-03-26', 1, closed)).toBe('2024-04-01');
  });
});

describe('local days in Mexico City', () => {
  it('ends "a más tardar el 4 de marzo" at midnight local time, 06:00 UTC', () => {
    expect(endOfLocalDay('2024-03-04')).toBe('2024-03-05T06:00:00.000Z');
  });

  it('tells the local date of an instant', () => {
    expect(localDateOf('2024-03-05T05:59:59Z')).toBe('2024-03-04');
    expect(localDateOf('2024-03-05T06:00:00Z')).toBe('2024-03-05');
  });
});
