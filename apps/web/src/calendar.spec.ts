import { addMonths, dayProblem, monthTitle, monthWeeks, moveDay, spokenDay, weekdayIndex } from './calendar';

describe('the console’s date field', () => {
  it('says in Spanish what is wrong with a typed day, naming the field', () => {
    expect(dayProblem('2024-03-22', 'Desde')).toBeNull();
    expect(dayProblem('', 'Desde')).toBeNull();
    expect(dayProblem('  ', 'Desde', true)).toBe('Desde: es obligatorio.');
    expect(dayProblem('03/22/2024', 'Desde')).toBe('Desde: escriba la fecha como AAAA-MM-DD (por ejemplo 2024-03-22).');
    expect(dayProblem('2023-02-29', 'Hasta')).toBe('Hasta: 2023-02-29 no es un día del calendario.');
    expect(dayProblem('2024-02-29', 'Hasta')).toBeNull();
  });

  it('lays a month out in weeks that start on Monday', () => {
    // 1 March 2024 was a Friday: four empty cells (Mon–Thu) before it.
    const march = monthWeeks({ year: 2024, month: 3 });
    expect(march[0]).toEqual([null, null, null, null, '2024-03-01', '2024-03-02', '2024-03-03']);
    expect(march.at(-1)).toEqual([
      '2024-03-25',
      '2024-03-26',
      '2024-03-27',
      '2024-03-28',
      '2024-03-29',
      '2024-03-30',
      '2024-03-31',
    ]);
    expect(march.flat().filter(Boolean)).toHaveLength(31);
    expect(march.every((week) => week.length === 7)).toBe(true);
    // September 2025 starts on a Monday: no empty cell first.
    expect(monthWeeks({ year: 2025, month: 9 })[0][0]).toBe('2025-09-01');
    expect(monthWeeks({ year: 2024, month: 2 }).flat().filter(Boolean)).toHaveLength(29);
    expect(weekdayIndex('2024-03-24')).toBe(6);
  });

  it('speaks months and days in Spanish', () => {
    expect(monthTitle({ year: 2024, month: 3 })).toBe('marzo de 2024');
    expect(spokenDay('2024-03-22')).toBe('viernes, 22 de marzo de 2024');
    expect(addMonths({ year: 2024, month: 12 }, 1)).toEqual({ year: 2025, month: 1 });
    expect(addMonths({ year: 2024, month: 1 }, -1)).toEqual({ year: 2023, month: 12 });
  });

  it('moves between days with the keyboard', () => {
    expect(moveDay('2024-03-01', 'ArrowLeft')).toBe('2024-02-29');
    expect(moveDay('2024-03-22', 'ArrowDown')).toBe('2024-03-29');
    expect(moveDay('2024-03-22', 'Home')).toBe('2024-03-18');
    expect(moveDay('2024-03-22', 'End')).toBe('2024-03-24');
    expect(moveDay('2024-03-31', 'PageUp')).toBe('2024-02-29');
    expect(moveDay('2024-01-31', 'PageDown')).toBe('2024-02-29');
    expect(moveDay('2024-03-22', 'a')).toBeNull();
  });
});
