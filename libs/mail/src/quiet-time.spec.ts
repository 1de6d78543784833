import { QuietSettingsError, changesFrom, isDigestDay, parseQuietSettings, quietUntil } from './quiet-time';

// 2024-03-08 is a Friday; Mexico City is UTC-6 all year (no daylight saving since 2022).
const local = (iso: string) => new Date(`${iso}-06:00`);
const nights = { quietHours: { from: '20:00', to: '08:00' }, quietWeekends: false };
const office = { quietHours: { from: '20:00', to: '08:00' }, quietWeekends: true };

describe('quiet time', () => {
  it('holds a mail in quiet hours until they end, across midnight, and lets one outside them go', () => {
    expect(quietUntil(local('2024-03-06T12:00:00'), nights)).toBeNull();
    expect(quietUntil(local('2024-03-06T08:00:00'), nights)).toBeNull();
    expect(quietUntil(local('2024-03-06T20:00:00'), nights)).toEqual(local('2024-03-07T08:00:00'));
    expect(quietUntil(local('2024-03-06T23:59:00'), nights)).toEqual(local('2024-03-07T08:00:00'));
    expect(quietUntil(local('2024-03-07T03:10:00'), nights)).toEqual(local('2024-03-07T08:00:00'));
    // Hours that do not cross midnight.
    const lunch = { quietHours: { from: '14:00', to: '16:00' }, quietWeekends: false };
    expect(quietUntil(local('2024-03-06T15:00:00'), lunch)).toEqual(local('2024-03-06T16:00:00'));
    expect(quietUntil(local('2024-03-06T16:00:00'), lunch)).toBeNull();
    expect(quietUntil(local('2024-03-06T13:59:00'), lunch)).toBeNull();
  });

  it('with quiet weekends, Friday night waits for Monday at the end of its quiet hours', () => {
    expect(quietUntil(local('2024-03-08T21:00:00'), office)).toEqual(local('2024-03-11T08:00:00'));
    expect(quietUntil(local('2024-03-09T12:00:00'), office)).toEqual(local('2024-03-11T08:00:00'));
    expect(quietUntil(local('2024-03-10T23:00:00'), office)).toEqual(local('2024-03-11T08:00:00'));
    expect(quietUntil(local('2024-03-09T12:00:00'), { quietHours: null, quietWeekends: true })).toEqual(
      local('2024-03-11T00:00:00'),
    );
    expect(quietUntil(local('2024-03-09T12:00:00'), nights)).toBeNull();
    expect(quietUntil(local('2024-03-09T12:00:00'), undefined)).toBeNull();
  });

  it('the digest skips quiet weekend days, and Monday’s covers the changes since Friday', () => {
    expect(isDigestDay('2024-03-09', office)).toBe(false);
    expect(isDigestDay('2024-03-10', office)).toBe(false);
    expect(isDigestDay('2024-03-09', nights)).toBe(true);
    expect(changesFrom('2024-03-11', office)).toBe('2024-03-08');
    expect(changesFrom('2024-03-11', nights)).toBe('2024-03-10');
    expect(changesFrom('2024-03-12', office)).toBe('2024-03-11');
  });

  it('reads the file’s settings, and refuses a bad one naming the field', () => {
    const known = (k: string) => ['GRO', 'INE'].includes(k);
    expect(parseQuietSettings(undefined, known)).toEqual({});
    expect(
      parseQuietSettings({ GRO: { quietHours: { from: '20:00', to: '08:00' }, quietWeekends: true }, INE: {} }, known),
    ).toEqual({ GRO: office, INE: { quietHours: null, quietWeekends: false } });
    const refusal = (raw: unknown) => {
      try {
        parseQuietSettings(raw, known);
      } catch (error) {
        expect(error).toBeInstanceOf(QuietSettingsError);
        return (error as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refusal({ XXX: {} })).toMatch(/^institutions\.XXX: "XXX" no es INE/);
    expect(refusal({ GRO: { quietHours: { from: '8pm', to: '08:00' } } })).toMatch(
      /^institutions\.GRO\.quietHours\.from: "8pm" debe ser una hora HH:MM/,
    );
    expect(refusal({ GRO: { quietHours: { from: '20:00', to: '24:00' } } })).toMatch(/quietHours\.to/);
    expect(refusal({ GRO: { quietHours: { from: '08:00', to: '08:00' } } })).toMatch(/misma hora/);
    expect(refusal({ GRO: { quietWeekends: 'sí' } })).toMatch(/^institutions\.GRO\.quietWeekends:/);
    expect(refusal([])).toMatch(/^institutions:/);
  });
});
