// The cluster form's checks, mirroring membership's ClusterCreate schema.
import type { components } from "../../api/membership";
import type { Problem, Problems } from "../../forms/validate";

type ClusterCreate = components["schemas"]["ClusterCreate"];

export interface ClusterForm {
  name: string;
  short_name: string;
  country: string;
  home_region: string;
  city: string;
  latitude: string;
  longitude: string;
}
export const EMPTY_CLUSTER: ClusterForm = { name: "", short_name: "", country: "", home_region: "", city: "", latitude: "", longitude: "" };

function text(value: string, min: number, max: number): Problem | undefined {
  const trimmed = value.trim();
  if (!trimmed) return { key: "form.required" };
  if (trimmed.length < min) return { key: "clusters.tooShort", values: { min } };
  return trimmed.length > max ? { key: "form.tooLong", values: { max } } : undefined;
}

function degrees(value: string, limit: number): Problem | undefined {
  const number = Number(value.trim().replace(",", "."));
  return value.trim() && Number.isFinite(number) && Math.abs(number) <= limit ? undefined : { key: "clusters.degrees", values: { max: limit } };
}

export function checkCluster(form: ClusterForm): Problems<keyof ClusterForm> {
  const found: Problems<keyof ClusterForm> = {
    name: text(form.name, 1, 200),
    short_name: text(form.short_name, 2, 20),
    country: /^[A-Z]{2}$/.test(form.country) ? undefined : { key: "form.country" },
    home_region: text(form.home_region, 1, 100),
    city: text(form.city, 1, 100),
    latitude: degrees(form.latitude, 90),
    longitude: degrees(form.longitude, 180),
  };
  return Object.fromEntries(Object.entries(found).filter(([, p]) => p)) as Problems<keyof ClusterForm>;
}

export function clusterBody(form: ClusterForm): ClusterCreate {
  return {
    name: form.name.trim(),
    short_name: form.short_name.trim(),
    // Checked above as two capital letters; the service refuses a code that is not a country (422).
    country: form.country as ClusterCreate["country"],
    home_region: form.home_region.trim(),
    city: form.city.trim(),
    latitude: Number(form.latitude.trim().replace(",", ".")),
    longitude: Number(form.longitude.trim().replace(",", ".")),
  };
}
