import { districtOf, LANDKREIS_OSNABRUECK } from '../src';

describe('Landkreis Osnabrück', () => {
  it('has 34 municipalities with distinct eight-digit keys inside the district', () => {
    const keys = LANDKREIS_OSNABRUECK.municipalities.map((municipality) => municipality.key);
    expect(new Set(keys).size).toBe(34);
    expect(keys.every((key) => /^03459\d{3}$/.test(key))).toBe(true);
  });

  it('groups the members of the four Samtgemeinden as the Landkreis does', () => {
    const members = (samtgemeinde: string) =>
      LANDKREIS_OSNABRUECK.municipalities
        .filter((municipality) => municipality.samtgemeinde === samtgemeinde)
        .map((municipality) => municipality.name)
        .sort();
    expect(members('Samtgemeinde Artland')).toEqual(['Badbergen', 'Menslage', 'Nortrup', 'Quakenbrück']);
    expect(members('Samtgemeinde Bersenbrück')).toEqual([
      'Alfhausen',
      'Ankum',
      'Bersenbrück',
      'Eggermühlen',
      'Gehrde',
      'Kettenkamp',
      'Rieste',
    ]);
    expect(members('Samtgemeinde Fürstenau')).toEqual(['Berge', 'Bippen', 'Fürstenau']);
    expect(members('Samtgemeinde Neuenkirchen')).toEqual(['Merzen', 'Neuenkirchen', 'Voltlage']);
  });

  it('finds a region by key, the district included, and nothing outside it', () => {
    expect(LANDKREIS_OSNABRUECK.regionOf('03459014')?.name).toBe('Bramsche');
    expect(LANDKREIS_OSNABRUECK.regionOf('03459')?.kind).toBe('landkreis');
    expect(LANDKREIS_OSNABRUECK.regionOf('03404000')).toBeUndefined();
    expect(LANDKREIS_OSNABRUECK.outside('03404000')).toBe(
      'region 03404000 is neither Landkreis Osnabrück (03459) nor one of its 34 municipalities',
    );
    expect(districtOf('03459')).toBe(LANDKREIS_OSNABRUECK);
    expect(districtOf('09772')).toBeUndefined();
  });
});
