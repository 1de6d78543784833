import { htmlToText } from './html-to-text';

describe("the text of mammoth's HTML", () => {
  it('makes paragraphs lines, list items dashes and table rows cells joined by |', () => {
    const html =
      '<h1>Registro</h1><p>Oficios de la <strong>UTSI</strong> &amp; otros</p><ul><li>uno</li><li>dos</li></ul>' +
      '<table><tr><td><p>Fecha</p></td><td><p>Asunto</p></td></tr><tr><td><p>5 de marzo</p></td><td><p>remite</p><p>el plan</p></td></tr></table>';
    expect(htmlToText(html)).toBe(
      'Registro\n\nOficios de la UTSI & otros\n\n- uno\n- dos\n\nFecha | Asunto\n5 de marzo | remite el plan',
    );
  });
});
