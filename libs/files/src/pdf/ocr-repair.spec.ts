import { repairOcrText } from './ocr-repair';

describe('repairing a register read by OCR', () => {
  it('restores the numeral point read as a comma or glued to the date, at the start of a line', () => {
    expect(repairOcrText('4, 24 de febrero de 2024, oficio X')).toBe('4. 24 de febrero de 2024, oficio X');
    expect(repairOcrText('texto\n7.5 de marzo de 2024, oficio Y')).toBe('texto\n7. 5 de marzo de 2024, oficio Y');
    expect(repairOcrText('12; 3 de Abril de 2024')).toBe('12. 3 de Abril de 2024');
  });

  it('leaves alone what is not a numeral before a date', () => {
    const untouched = ['el 4, 24 de febrero', '4, 24 personas', '2024, oficio INE/UTSI/1147/2024', '1.5 millones'];
    for (const text of untouched) expect(repairOcrText(text)).toBe(text);
  });
});
