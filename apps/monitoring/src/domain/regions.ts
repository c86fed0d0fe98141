/**
 * Landkreis Osnabrück and its 34 municipalities with their Amtlicher Gemeindeschlüssel (AGS),
 * grouped by Samtgemeinde where they belong to one. Measurements are recorded for these keys only.
 */
export interface Region {
  readonly key: string;
  readonly name: string;
  readonly kind: 'landkreis' | 'stadt' | 'gemeinde';
  /** The Samtgemeinde a member municipality belongs to; absent for Einheitsgemeinden. */
  readonly samtgemeinde?: string;
}

export const LANDKREIS_OSNABRUECK = '03459';

const ARTLAND = 'Samtgemeinde Artland';
const BERSENBRUECK = 'Samtgemeinde Bersenbrück';
const FUERSTENAU = 'Samtgemeinde Fürstenau';
const NEUENKIRCHEN = 'Samtgemeinde Neuenkirchen';

const municipality = (code: string, name: string, kind: 'stadt' | 'gemeinde', samtgemeinde?: string): Region => ({
  key: `${LANDKREIS_OSNABRUECK}${code}`,
  name,
  kind,
  ...(samtgemeinde ? { samtgemeinde } : {}),
});

export const MUNICIPALITIES: readonly Region[] = [
  municipality('001', 'Alfhausen', 'gemeinde', BERSENBRUECK),
  municipality('002', 'Ankum', 'gemeinde', BERSENBRUECK),
  municipality('003', 'Bad Essen', 'gemeinde'),
  municipality('004', 'Bad Iburg', 'stadt'),
  municipality('005', 'Bad Laer', 'gemeinde'),
  municipality('006', 'Bad Rothenfelde', 'gemeinde'),
  municipality('007', 'Badbergen', 'gemeinde', ARTLAND),
  municipality('008', 'Belm', 'gemeinde'),
  municipality('009', 'Berge', 'gemeinde', FUERSTENAU),
  municipality('010', 'Bersenbrück', 'stadt', BERSENBRUECK),
  municipality('011', 'Bippen', 'gemeinde', FUERSTENAU),
  municipality('012', 'Bissendorf', 'gemeinde'),
  municipality('013', 'Bohmte', 'gemeinde'),
  municipality('014', 'Bramsche', 'stadt'),
  municipality('015', 'Dissen am Teutoburger Wald', 'stadt'),
  municipality('016', 'Eggermühlen', 'gemeinde', BERSENBRUECK),
  municipality('017', 'Fürstenau', 'stadt', FUERSTENAU),
  municipality('018', 'Gehrde', 'gemeinde', BERSENBRUECK),
  municipality('019', 'Georgsmarienhütte', 'stadt'),
  municipality('020', 'Hagen am Teutoburger Wald', 'gemeinde'),
  municipality('021', 'Hasbergen', 'gemeinde'),
  municipality('022', 'Hilter am Teutoburger Wald', 'gemeinde'),
  municipality('023', 'Kettenkamp', 'gemeinde', BERSENBRUECK),
  municipality('024', 'Melle', 'stadt'),
  municipality('025', 'Menslage', 'gemeinde', ARTLAND),
  municipality('026', 'Merzen', 'gemeinde', NEUENKIRCHEN),
  municipality('027', 'Neuenkirchen', 'gemeinde', NEUENKIRCHEN),
  municipality('028', 'Nortrup', 'gemeinde', ARTLAND),
  municipality('029', 'Ostercappeln', 'gemeinde'),
  municipality('030', 'Quakenbrück', 'stadt', ARTLAND),
  municipality('031', 'Rieste', 'gemeinde', BERSENBRUECK),
  municipality('032', 'Voltlage', 'gemeinde', NEUENKIRCHEN),
  municipality('033', 'Wallenhorst', 'gemeinde'),
  municipality('034', 'Glandorf', 'gemeinde'),
];

export const REGIONS: readonly Region[] = [{ key: LANDKREIS_OSNABRUECK, name: 'Landkreis Osnabrück', kind: 'landkreis' }, ...MUNICIPALITIES];

const byKey = new Map(REGIONS.map((region) => [region.key, region]));

export function regionOf(key: string): Region | undefined {
  return byKey.get(key);
}
