// The exchange flows between countries as curved lines between the countries' centres, wider
// with more exchanges; each direction bends to its own side, so A→B and B→A stay apart.
import type { GeoProjection } from "d3-geo";
import { COUNTRIES } from "./countries";

export interface Flow {
  from_country: string;
  to_country: string;
  approved: number;
  completed: number;
}

export interface FlowArc {
  flow: Flow;
  d: string;
  width: number;
}

export const MIN_WIDTH = 1.5;
export const MAX_WIDTH = 8;
// How far the curve's middle leaves the straight line, as a share of the line's length.
const BEND = 0.18;

/** Stroke width for a count: from MIN_WIDTH for one exchange to MAX_WIDTH for the busiest flow. */
export function flowWidth(count: number, busiest: number): number {
  if (busiest <= 1) return MIN_WIDTH;
  return MIN_WIDTH + ((MAX_WIDTH - MIN_WIDTH) * (count - 1)) / (busiest - 1);
}

/** The flows with at least one approved exchange between two countries the map can place. */
export function flowArcs(projection: GeoProjection, flows: Flow[]): FlowArc[] {
  const drawn = flows.filter((f) => f.approved > 0 && COUNTRIES[f.from_country] && COUNTRIES[f.to_country] && f.from_country !== f.to_country);
  const busiest = Math.max(0, ...drawn.map((f) => f.approved));
  return drawn.flatMap((flow) => {
    const from = projection(COUNTRIES[flow.from_country]!.centre);
    const to = projection(COUNTRIES[flow.to_country]!.centre);
    if (!from || !to) return [];
    const [dx, dy] = [to[0] - from[0], to[1] - from[1]];
    const control = [(from[0] + to[0]) / 2 - dy * BEND, (from[1] + to[1]) / 2 + dx * BEND];
    const d = `M${from[0].toFixed(1)},${from[1].toFixed(1)} Q${control[0]!.toFixed(1)},${control[1]!.toFixed(1)} ${to[0].toFixed(1)},${to[1].toFixed(1)}`;
    return [{ flow, d, width: flowWidth(flow.approved, busiest) }];
  });
}
