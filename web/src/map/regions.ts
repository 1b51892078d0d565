// Where a partner region's marker goes: its partner cluster's seat (membership's clusters carry
// coordinates), since the app ships country outlines only, not the regions' (NUTS 2) boundaries.
import type { GeoProjection } from "d3-geo";
import type { components } from "../api/membership";
import type { MapRegion } from "./RegionalAnalyses";

type Cluster = components["schemas"]["ClusterPublic"];

export function regionMarkers(projection: GeoProjection, regions: MapRegion[], clusters: Cluster[]) {
  const seats = new Map(clusters.map((c) => [c.id, [c.longitude, c.latitude] as [number, number]]));
  return regions.flatMap((region) => {
    const seat = seats.get(region.cluster_id);
    const xy = seat ? projection(seat) : null;
    return xy ? [{ x: Math.round(xy[0] * 10) / 10, y: Math.round(xy[1] * 10) / 10, region }] : [];
  });
}
