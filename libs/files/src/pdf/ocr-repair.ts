const MONTH = '(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)';

/**
 * Repairs what OCR typically does to a numbered register: the numeral's point read as a comma
 * ("4, 24 de febrero") or glued to the date ("7.5 de marzo"). Only at the start of a line and only
 * before a date, where the reading is not in doubt.
 */
export function repairOcrText(text: string): string {
  const numeralBeforeDate = new RegExp(`^(\\s*\\d{1,3})[.,;:]\\s*(\\d{1,2}\\s+de\\s+${MONTH}\\b)`, 'gimu');
  return text.replace(numeralBeforeDate, '$1. $2');
}
