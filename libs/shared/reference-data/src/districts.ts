/**
 * The districts (Landkreise) a deployment can serve, each with its municipalities and their
 * Amtlicher Gemeindeschlüssel (AGS). A deployment names its district by AGS in its configuration
 * (`DISTRICT`, default 03459); measurements, goals and plans use these keys only.
 */
export interface Region {
  readonly key: string;
  readonly name: string;
  readonly kind: 'landkreis' | 'stadt' | 'gemeinde';
  /** The Samtgemeinde a member municipality belongs to; absent for Einheitsgemeinden. */
  readonly samtgemeinde?: string;
}

export interface District {
  /** The district itself, as the region that stands for the whole Landkreis. */
  readonly region: Region;
  readonly municipalities: readonly Region[];
  /** The district first, then its municipalities. */
  readonly regions: readonly Region[];
  regionOf(key: string): Region | undefined;
  /** Why a key that is not one of the district's regions cannot be used, in words. */
  outside(key: string): string;
}

function district(key: string, name: string, municipalities: readonly Region[]): District {
  const region: Region = { key, name, kind: 'landkreis' };
  const regions = [region, ...municipalities];
  const byKey = new Map(regions.map((entry) => [entry.key, entry]));
  return {
    region,
    municipalities,
    regions,
    regionOf: (regionKey) => byKey.get(regionKey),
    outside: (regionKey) =>
      `region ${regionKey} is neither ${name} (${key}) nor one of its ${municipalities.length} municipalities`,
  };
}

const ARTLAND = 'Samtgemeinde Artland';
const BERSENBRUECK = 'Samtgemeinde Bersenbrück';
const FUERSTENAU = 'Samtgemeinde Fürstenau';
const NEUENKIRCHEN = 'Samtgemeinde Neuenkirchen';

const osnabrueck = (code: string, name: string, kind: 'stadt' | 'gemeinde', samtgemeinde?: string): Region => ({
  key: `03459${code}`,
  name,
  kind,
  ...(samtgemeinde ? { samtgemeinde } : {}),
});

/**
 * Landkreis Osnabrück (03459) and its 34 municipalities.
 *
 * Keys checked against a public list of German municipality keys (Gemeinde and Samtgemeinde keys
 * of the Landkreis, 2026): it confirms the 17 Einheitsgemeinden 03459003–006, 008, 012–015, 019–022,
 * 024, 029, 033, 034 and the four Samtgemeinden 034595401–034595404. The member municipalities of
 * the Samtgemeinden (001, 002, 007, 009–011, 016–018, 023, 025–028, 030–032) and which name goes with
 * which confirmed key follow the alphabetical numbering of the 1972 reform, with Glandorf added last;
 * they are not confirmed by that list.
 */
export const LANDKREIS_OSNABRUECK: District = district('03459', 'Landkreis Osnabrück', [
  osnabrueck('001', 'Alfhausen', 'gemeinde', BERSENBRUECK),
  osnabrueck('002', 'Ankum', 'gemeinde', BERSENBRUECK),
  osnabrueck('003', 'Bad Essen', 'gemeinde'),
  osnabrueck('004', 'Bad Iburg', 'stadt'),
  osnabrueck('005', 'Bad Laer', 'gemeinde'),
  osnabrueck('006', 'Bad Rothenfelde', 'gemeinde'),
  osnabrueck('007', 'Badbergen', 'gemeinde', ARTLAND),
  osnabrueck('008', 'Belm', 'gemeinde'),
  osnabrueck('009', 'Berge', 'gemeinde', FUERSTENAU),
  osnabrueck('010', 'Bersenbrück', 'stadt', BERSENBRUECK),
  osnabrueck('011', 'Bippen', 'gemeinde', FUERSTENAU),
  osnabrueck('012', 'Bissendorf', 'gemeinde'),
  osnabrueck('013', 'Bohmte', 'gemeinde'),
  osnabrueck('014', 'Bramsche', 'stadt'),
  osnabrueck('015', 'Dissen am Teutoburger Wald', 'stadt'),
  osnabrueck('016', 'Eggermühlen', 'gemeinde', BERSENBRUECK),
  osnabrueck('017', 'Fürstenau', 'stadt', FUERSTENAU),
  osnabrueck('018', 'Gehrde', 'gemeinde', BERSENBRUECK),
  osnabrueck('019', 'Georgsmarienhütte', 'stadt'),
  osnabrueck('020', 'Hagen am Teutoburger Wald', 'gemeinde'),
  osnabrueck('021', 'Hasbergen', 'gemeinde'),
  osnabrueck('022', 'Hilter am Teutoburger Wald', 'gemeinde'),
  osnabrueck('023', 'Kettenkamp', 'gemeinde', BERSENBRUECK),
  osnabrueck('024', 'Melle', 'stadt'),
  osnabrueck('025', 'Menslage', 'gemeinde', ARTLAND),
  osnabrueck('026', 'Merzen', 'gemeinde', NEUENKIRCHEN),
  osnabrueck('027', 'Neuenkirchen', 'gemeinde', NEUENKIRCHEN),
  osnabrueck('028', 'Nortrup', 'gemeinde', ARTLAND),
  osnabrueck('029', 'Ostercappeln', 'gemeinde'),
  osnabrueck('030', 'Quakenbrück', 'stadt', ARTLAND),
  osnabrueck('031', 'Rieste', 'gemeinde', BERSENBRUECK),
  osnabrueck('032', 'Voltlage', 'gemeinde', NEUENKIRCHEN),
  osnabrueck('033', 'Wallenhorst', 'gemeinde'),
  osnabrueck('034', 'Glandorf', 'gemeinde'),
]);

export const DISTRICTS: readonly District[] = [LANDKREIS_OSNABRUECK];

/** The district with this AGS, or undefined when no deployment data exists for it. */
export function districtOf(key: string): District | undefined {
  return DISTRICTS.find((candidate) => candidate.region.key === key);
}
