import { inferOple } from './infer-ople';

describe('which OPLE a correspondence text is about', () => {
  it('is the one state it names', () => {
    expect(inferOple('…DEL CONSEJO GENERAL DEL IEPC GUERRERO, CORRESPONDIENTE AL PERIODO…')).toEqual({
      ople: 'GRO',
      because: 'el texto nombra a Guerrero',
    });
    expect(inferOple('Instituto Electoral del Estado de México')?.ople).toBe('MEX');
    expect(inferOple('Instituto Electoral de Michoacán')?.ople).toBe('MIC');
  });

  it('is unknown when it names none or several, or only says "México"', () => {
    expect(inferOple('oficio INE/UTSI/1121/2024')).toBeNull();
    expect(inferOple('Guerrero y Oaxaca')).toBeNull();
    expect(inferOple('Instituto Nacional Electoral, Ciudad de México')?.ople).toBe('CMX');
    expect(inferOple('Instituto Nacional Electoral, México')).toBeNull();
  });
});
