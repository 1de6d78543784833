import { fileNameOf } from './files';

describe('the name a download is written under', () => {
  it('prefers the UTF-8 name to the ASCII fallback', () => {
    expect(
      fileNameOf(`attachment; filename="Informe _ Guerrero.pdf"; filename*=UTF-8''Informe%20%E2%80%93%20Guerrero.pdf`),
    ).toBe('Informe – Guerrero.pdf');
    expect(fileNameOf('attachment; filename="informe.pdf"')).toBe('informe.pdf');
  });

  it('never writes outside the current folder, whatever the server says', () => {
    expect(fileNameOf(`attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`)).toBe('passwd');
    expect(fileNameOf('attachment; filename="..\\\\..\\\\x.txt"')).toBe('x.txt');
    expect(fileNameOf(`attachment; filename*=UTF-8''..`)).toBeNull();
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf(`attachment; filename*=UTF-8''%E0%A4%A; filename="a.pdf"`)).toBe('a.pdf');
  });
});
