import { repairOcrText } from './ocr-repair';

describe('repairing a register read by OCR', () => {
  it('restores the numeral point read as a comma or glued to the date, at the start of a line', () => {
    expect(repairOcrText('4, 24 de febrero de 2024, oficio X')).toBe('4. 24 de febrero de 2024, oficio X');
    expect(repairOcrText('texto\n7.5 de marzo de 2024, oficio Y')).toBe('texto\n7. 5 de marzo de 2024, oficio Y');
    expect(repairOcrText('12; 3 de Abril de 2024')).toBe('12. 3 de Abril de 2024');
  });

  it('restores a first numeral OCR misread: a letter read twice, the roman I read as a bar, a first day’s ordinal as "?"', () => {
    expect(repairOcrText('texto\nCc) 5 de abril de 2024, oficio INE/UTSI/1833/2024')).toBe(
      'texto\nc) 5 de abril de 2024, oficio INE/UTSI/1833/2024',
    );
    expect(repairOcrText('bb) oficio INE/UTSI/1/2024')).toBe('b) oficio INE/UTSI/1/2024');
    expect(repairOcrText('|. Oficio INE/UTSI/0162/2024, de fecha 10 de enero')).toBe(
      'I. Oficio INE/UTSI/0162/2024, de fecha 10 de enero',
    );
    expect(repairOcrText('1. 1? de marzo de 2024, oficio INE/UTSI/1260/2024')).toBe(
      '1. 1° de marzo de 2024, oficio INE/UTSI/1260/2024',
    );
    expect(repairOcrText('2,1? de marzo de 2024')).toBe('2. 1° de marzo de 2024');
  });

  it('leaves alone what is not a numeral before a date', () => {
    const untouched = [
      'el 4, 24 de febrero',
      '4, 24 personas',
      '2024, oficio INE/UTSI/1147/2024',
      '1.5 millones',
      'Cc) copia para el expediente',
      'aa) 5 personas',
      '| Fecha | Oficio |',
      '¿cuántos? de marzo',
      'Ab) 5 de abril',
    ];
    for (const text of untouched) expect(repairOcrText(text)).toBe(text);
  });
});
