import { detectKind } from './detect-kind';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe("telling a file's kind from its content", () => {
  it('recognises PDF, DOCX, XLSX, messages, CSV and text', () => {
    expect(detectKind(bytes('%PDF-1.7\n…'), 'sin-extension')).toBe('pdf');
    expect(detectKind(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes('word/document.xml')]), 'x')).toBe(
      'docx',
    );
    expect(detectKind(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes('xl/workbook.xml')]), 'x')).toBe(
      'xlsx',
    );
    expect(detectKind(bytes('From: a@b.mx\nSubject: Oficio\n\ncuerpo'), 'mensaje')).toBe('eml');
    expect(detectKind(bytes('Fecha;Oficio;Asunto'), 'registro.CSV')).toBe('csv');
    expect(detectKind(bytes('1. 19 de febrero de 2024, oficio INE/UTSI/0923/2024'), 'informe.txt')).toBe('text');
  });

  it('refuses other binaries, old Office files and ZIPs that are not Office documents, saying why', () => {
    expect(() => detectKind(Buffer.alloc(64, 2), 'datos.bin')).toThrow('datos.bin: no es un archivo que se pueda leer');
    expect(() => detectKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'viejo.xls')).toThrow(/guárdelo como DOCX o XLSX/);
    expect(() =>
      detectKind(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes('foto.jpg')]), 'fotos.zip'),
    ).toThrow(/archivo ZIP/);
  });
});
