// Where to draw a country's flows from, and which Natural Earth outline is whose. Centroids are
// of each country's mainland (a computed centroid of France would fall towards its overseas
// departments), for the countries of the map's frame; ids are world-atlas's ISO 3166-1 numeric.
export const COUNTRIES: Record<string, { numeric: string; centre: [number, number] }> = {
  AL: { numeric: "008", centre: [20.0, 41.1] },
  AT: { numeric: "040", centre: [14.5, 47.6] },
  BA: { numeric: "070", centre: [17.8, 44.2] },
  BE: { numeric: "056", centre: [4.5, 50.6] },
  BG: { numeric: "100", centre: [25.3, 42.7] },
  CH: { numeric: "756", centre: [8.2, 46.8] },
  CY: { numeric: "196", centre: [33.2, 35.0] },
  CZ: { numeric: "203", centre: [15.5, 49.8] },
  DE: { numeric: "276", centre: [10.4, 51.1] },
  DK: { numeric: "208", centre: [9.3, 56.0] },
  EE: { numeric: "233", centre: [25.5, 58.7] },
  ES: { numeric: "724", centre: [-3.7, 40.2] },
  FI: { numeric: "246", centre: [26.0, 62.0] },
  FR: { numeric: "250", centre: [2.5, 46.6] },
  GB: { numeric: "826", centre: [-1.8, 52.8] },
  GR: { numeric: "300", centre: [22.0, 39.5] },
  HR: { numeric: "191", centre: [16.0, 45.4] },
  HU: { numeric: "348", centre: [19.5, 47.2] },
  IE: { numeric: "372", centre: [-8.0, 53.2] },
  IT: { numeric: "380", centre: [12.5, 42.8] },
  LT: { numeric: "440", centre: [23.9, 55.3] },
  LU: { numeric: "442", centre: [6.1, 49.8] },
  LV: { numeric: "428", centre: [24.6, 56.9] },
  MD: { numeric: "498", centre: [28.5, 47.2] },
  ME: { numeric: "499", centre: [19.3, 42.8] },
  MK: { numeric: "807", centre: [21.7, 41.6] },
  MT: { numeric: "470", centre: [14.4, 35.9] },
  NL: { numeric: "528", centre: [5.5, 52.2] },
  NO: { numeric: "578", centre: [9.0, 61.0] },
  PL: { numeric: "616", centre: [19.4, 52.1] },
  PT: { numeric: "620", centre: [-8.2, 39.6] },
  RO: { numeric: "642", centre: [25.0, 45.9] },
  RS: { numeric: "688", centre: [20.8, 44.0] },
  SE: { numeric: "752", centre: [15.0, 59.5] },
  SI: { numeric: "705", centre: [14.8, 46.1] },
  SK: { numeric: "703", centre: [19.7, 48.7] },
  TR: { numeric: "792", centre: [32.0, 39.0] },
  UA: { numeric: "804", centre: [31.0, 49.0] },
};

/** The world-atlas ids of the given ISO alpha-2 codes (unknown codes are left out). */
export function outlineIds(codes: Iterable<string>): Set<string> {
  return new Set([...codes].flatMap((code) => (COUNTRIES[code] ? [COUNTRIES[code].numeric] : [])));
}
