const MONTH = '(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)';

/**
 * Repairs what OCR typically does to a numbered register, only where the reading is not in doubt:
 * at the start of a line, before a date or an oficio, the numeral's point read as a comma ("4, 24 de
 * febrero") or glued to the date ("7.5 de marzo"), a letter marker read twice ("Cc) 5 de abril" for
 * "c)"), the roman "I." read as a bar ("|. Oficio"); and the ordinal of a first day read as a
 * question mark ("1? de marzo" for "1° de marzo").
 */
export function repairOcrText(text: string): string {
  const numeralBeforeDate = new RegExp(`^(\\s*\\d{1,3})[.,;:]\\s*(\\d{1,2}\\s*°?\\s+de\\s+${MONTH}\\b)`, 'gimu');
  const doubledLetter = new RegExp(`^(\\s*)([a-z])\\2\\)(\\s+(?:\\d{1,2}°?\\s+de\\s+${MONTH}\\b|oficio\\b))`, 'gimu');
  const barForI = /^(\s*)[|¦]([.)-]\s+(?:oficio\b|\d{1,2}°?\s+de\s))/gimu;
  const ordinalAsQuestion = new RegExp(`\\b([1-9])\\?(\\s+de\\s+${MONTH}\\b)`, 'giu');
  return text
    .replace(ordinalAsQuestion, '$1°$2')
    .replace(numeralBeforeDate, '$1. $2')
    .replace(
      doubledLetter,
      (_, space: string, letter: string, rest: string) => `${space}${letter.toLowerCase()})${rest}`,
    )
    .replace(barForI, '$1I$2');
}
