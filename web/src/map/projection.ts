// The partner regions' part of Europe, projected once; country outlines come from Natural Earth
// (world-atlas) shipped inside the app, so the map draws without any network beyond our origin.
import { geoMercator, geoPath, type GeoProjection } from "d3-geo";
import type { Feature, FeatureCollection, Geometry, Point } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "world-atlas/countries-50m.json";

export const WIDTH = 800;
export const HEIGHT = 600;
// Longitude/latitude corners framing the partner regions: Spain to Romania, Sicily to Denmark.
const FRAME: Feature<Geometry> = {
  type: "Feature",
  properties: {},
  geometry: { type: "MultiPoint", coordinates: [[-10, 35], [31, 58]] },
};

export function europeProjection(): GeoProjection {
  return geoMercator().fitExtent([[10, 10], [WIDTH - 10, HEIGHT - 10]], FRAME);
}

/** SVG path data of every country, computed once per projection. `id` is the atlas's ISO numeric
 * code, which some outlines share (a country and a territory drawn apart): `key` is unique. */
export function countryOutlines(projection: GeoProjection): { key: string; id: string; d: string }[] {
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection;
  const path = geoPath(projection);
  return countries.features.flatMap((country, i) => {
    const d = path(country);
    const id = String(country.id ?? i);
    return d ? [{ key: `${id}/${i}`, id, d }] : [];
  });
}

export interface OrganisationPoint {
  id: string;
  legal_name: string;
  category: string;
  city?: string | null;
  country: string;
  value_chains: string[];
}
export type OrganisationsGeoJson = FeatureCollection<Point, OrganisationPoint>;

/** Screen positions of the organisations that fall inside the frame. */
export function markers(projection: GeoProjection, organisations: OrganisationsGeoJson) {
  return organisations.features.flatMap((f) => {
    const [lon, lat] = f.geometry.coordinates;
    const xy = lon !== undefined && lat !== undefined ? projection([lon, lat]) : null;
    if (!xy || xy[0] < 0 || xy[0] > WIDTH || xy[1] < 0 || xy[1] > HEIGHT) return [];
    return [{ x: xy[0], y: xy[1], organisation: f.properties }];
  });
}
