// The programme form's values, its checks (mirroring exchange's ProgrammeCreate schema) and the
// request body it becomes. Pure functions, so the rules are tested without rendering.
import type { components } from "../../api/exchange";
import type { Problem, Problems } from "../../forms/validate";

type ProgrammeCreate = components["schemas"]["ProgrammeCreate"];
export type QuotaCategory = components["schemas"]["Category"];

/** The Fashion ClusterXchange's quotas, the service's own default: 75 + 10 + 5 + 5 + 5 = 100. */
export const DEFAULT_QUOTAS: Record<QuotaCategory, string> = {
  sme: "75",
  cluster_organisation: "10",
  support_organisation: "5",
  large_company: "5",
  public_body: "5",
};
export const QUOTA_CATEGORIES = Object.keys(DEFAULT_QUOTAS) as QuotaCategory[];
export const CAP_MAX = 1100;
const QUOTA_MAX = 10000;

export interface CapRow {
  country: string;
  amount: string;
}
export interface ProgrammeForm {
  name: string;
  applicationFirst: string;
  applicationLast: string;
  activityFirst: string;
  activityLast: string;
  quotas: Record<QuotaCategory, string>;
  caps: CapRow[];
}

export const EMPTY_PROGRAMME: ProgrammeForm = {
  name: "",
  applicationFirst: "",
  applicationLast: "",
  activityFirst: "",
  activityLast: "",
  quotas: DEFAULT_QUOTAS,
  caps: [{ country: "", amount: "" }],
};

const COUNTRY = /^[A-Z]{2}$/;
const WHOLE = /^\d+$/;
// Euros with at most two decimals, as the service takes them (a string keeps the cents exact).
const EUROS = /^\d+(\.\d{1,2})?$/;

function window(first: string, last: string): Problem | undefined {
  if (!first || !last) return { key: "form.required" };
  return first <= last ? undefined : { key: "programmes.windowReversed" };
}

function quota(value: string): Problem | undefined {
  const trimmed = value.trim();
  if (!WHOLE.test(trimmed) || Number(trimmed) > QUOTA_MAX) return { key: "programmes.quotaInvalid", values: { max: QUOTA_MAX } };
  return undefined;
}

function capAmount(value: string): Problem | undefined {
  const trimmed = value.trim();
  if (!EUROS.test(trimmed) || Number(trimmed) <= 0 || Number(trimmed) > CAP_MAX) return { key: "programmes.capInvalid", values: { max: CAP_MAX } };
  return undefined;
}

/** Every problem of the form, keyed by field: `name`, `applicationWindow`, `quota.<category>`, `cap.<i>.country`… */
export function checkProgramme(form: ProgrammeForm): Problems<string> {
  const problems: Problems<string> = {};
  const name = form.name.trim();
  if (!name) problems.name = { key: "form.required" };
  else if (name.length > 200) problems.name = { key: "form.tooLong", values: { max: 200 } };
  const application = window(form.applicationFirst, form.applicationLast);
  if (application) problems.applicationWindow = application;
  const activity = window(form.activityFirst, form.activityLast);
  if (activity) problems.activityWindow = activity;
  for (const category of QUOTA_CATEGORIES) {
    const found = quota(form.quotas[category]);
    if (found) problems[`quota.${category}`] = found;
  }
  if (form.caps.length === 0) problems.caps = { key: "programmes.capsRequired" };
  const seen = new Set<string>();
  form.caps.forEach((cap, i) => {
    if (!COUNTRY.test(cap.country)) problems[`cap.${i}.country`] = { key: "form.country" };
    else if (seen.has(cap.country)) problems[`cap.${i}.country`] = { key: "programmes.capDuplicate" };
    seen.add(cap.country);
    const amount = capAmount(cap.amount);
    if (amount) problems[`cap.${i}.amount`] = amount;
  });
  return problems;
}

export function programmeBody(form: ProgrammeForm): ProgrammeCreate {
  return {
    name: form.name.trim(),
    application_window: { first: form.applicationFirst, last: form.applicationLast },
    activity_window: { first: form.activityFirst, last: form.activityLast },
    quotas: Object.fromEntries(QUOTA_CATEGORIES.map((c) => [c, Number(form.quotas[c].trim())])),
    lump_sum_caps: Object.fromEntries(form.caps.map((cap) => [cap.country, cap.amount.trim()])),
  };
}

export function totalSlots(quotas: Record<QuotaCategory, string>): number {
  return QUOTA_CATEGORIES.reduce((sum, c) => sum + (WHOLE.test(quotas[c].trim()) ? Number(quotas[c].trim()) : 0), 0);
}
