import { contentDisposition } from './content-disposition';

describe('the download header', () => {
  it('keeps an ASCII name as it is', () => {
    expect(contentDisposition('informe-marzo.pdf')).toBe(
      `attachment; filename="informe-marzo.pdf"; filename*=UTF-8''informe-marzo.pdf`,
    );
  });

  it('gives an accented name in UTF-8, with an ASCII fallback', () => {
    expect(contentDisposition('Informe de correspondencia (marzo) – Guerrero.docx')).toBe(
      `attachment; filename="Informe de correspondencia (marzo) _ Guerrero.docx"; filename*=UTF-8''Informe%20de%20correspondencia%20%28marzo%29%20%E2%80%93%20Guerrero.docx`,
    );
  });

  it('never lets a quote or a backslash close the quoted fallback', () => {
    expect(contentDisposition('a"b\\c.pdf')).toMatch(
      /^attachment; filename="a_b_c\.pdf"; filename\*=UTF-8''a%22b%5Cc\.pdf$/,
    );
  });
});
