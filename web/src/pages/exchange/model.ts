// What the exchange pages share: the API's types, who the caller is to an exchange, what they may
// do in its current state (mirroring services/exchange's domain/access.py), dates and downloads.
import { useQuery } from "@tanstack/react-query";
import { exchange, membership, unwrap } from "../../api/clients";
import type { components } from "../../api/exchange";
import type { Token } from "../../auth/session";
import { session } from "../../auth/session";

export type Schemas = components["schemas"];
export type Exchange = Schemas["ExchangePublic"];
export type Offer = Schemas["OfferPublic"];
export type Suggestion = Schemas["SuggestionPublic"];
export type State = Schemas["State"];
export type Signatory = Schemas["Signatory"];
export type ActivityKind = Schemas["ActivityKind"];
export type Programme = Schemas["ProgrammePublic"];
export type Evidence = Schemas["EvidencePublic"];

export const ACTIVITY_KINDS: ActivityKind[] = [
  "knowledge_sharing",
  "capacity_building",
  "research_and_development",
  "market_research",
  "networking",
];
export const STATES: State[] = [
  "requested",
  "accepted",
  "commitment_agreed",
  "approved",
  "in_progress",
  "report_submitted",
  "report_sent_back",
  "completed",
  "lump_sum_paid",
  "declined",
  "cancelled",
];
export const SIGNATORIES: Signatory[] = ["visitor", "host", "visitor_cluster", "host_cluster"];
export const COUNTRIES = ["ES", "BG", "FR", "RO", "DK"];
export const LANGUAGE_CODES = ["en", "es", "ca", "bg", "fr", "ro", "da"];

export function isActivityKind(value: string): value is ActivityKind {
  return (ACTIVITY_KINDS as string[]).includes(value);
}
export function isState(value: string): value is State {
  return (STATES as string[]).includes(value);
}

/** Today as the API writes dates (YYYY-MM-DD), in the reader's own calendar. */
export function today(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** A calendar date shown without the time zone moving it to the day before. */
export function calendarDate(day: string): Date {
  const [y = 1970, m = 1, d = 1] = day.split("-").map(Number);
  return new Date(y, m - 1, d);
}

/** Who the caller is to an exchange; a person may be several (a manager of both clusters). */
export interface Standing {
  visitor: boolean;
  host: boolean;
  visitorCluster: boolean;
  hostCluster: boolean;
  admin: boolean;
}

export function standing(token: Token | null, e: Exchange): Standing {
  const manages = (cluster: string) => Boolean(token?.roles.includes("cluster_manager") && token.cluster_id === cluster);
  return {
    visitor: Boolean(token?.organisation_id && token.organisation_id === e.visitor.organisation_id),
    host: Boolean(token?.organisation_id && token.organisation_id === e.host.organisation_id),
    visitorCluster: manages(e.visitor.cluster_id),
    hostCluster: manages(e.host.cluster_id),
    admin: token?.roles.includes("platform_admin") ?? false,
  };
}

export type Action =
  | "accept"
  | "decline"
  | "commitment"
  | "sign"
  | "distance"
  | "approve"
  | "start"
  | "evidence"
  | "report"
  | "feedback"
  | "validate"
  | "sendBack"
  | "pay"
  | "cancel";

/** The actions the caller may take on the exchange now, in the order a person reads them. */
export function actionsFor(token: Token | null, e: Exchange, on: string = today()): Action[] {
  const who = standing(token, e);
  const allowed = new Set(e.allowed_next);
  const party = who.visitor || who.host;
  const money = who.visitorCluster || who.admin;
  const found: Action[] = [];
  const add = (action: Action, when: boolean) => when && found.push(action);
  add("accept", who.host && allowed.has("accept"));
  add("decline", who.host && allowed.has("decline"));
  add("commitment", party && allowed.has("amend_commitment"));
  add("sign", e.commitment !== null && allowed.has("sign") && signable(who, e).length > 0);
  add("distance", money && allowed.has("enter_distance") && e.lump_sum.distance_missing);
  add("approve", money && allowed.has("approve"));
  add("start", (party || who.visitorCluster || who.hostCluster || who.admin) && allowed.has("start") && e.first_day <= on);
  add("evidence", who.visitor && allowed.has("submit_report"));
  add("report", who.visitor && allowed.has("submit_report") && e.last_day <= on);
  add("feedback", who.host && allowed.has("give_feedback"));
  add("validate", money && allowed.has("validate"));
  add("sendBack", money && allowed.has("send_back"));
  add("pay", money && allowed.has("record_payment"));
  add("cancel", party && allowed.has("cancel") && !(e.state === "approved" && e.first_day <= on));
  return found;
}

/** The missing signatures the caller may give. */
export function signable(who: Standing, e: Exchange): Signatory[] {
  const may: Record<Signatory, boolean> = {
    visitor: who.visitor,
    host: who.host,
    visitor_cluster: who.visitorCluster,
    host_cluster: who.hostCluster,
  };
  return e.missing_signatures.filter((s) => may[s]);
}

/** The problem document's eligibility refusals (422 `not-eligible`), if that is what it is. */
export function refusalsOf(error: unknown): { code: string; reason: string }[] {
  if (!error || typeof error !== "object") return [];
  const refusals = (error as { refusals?: unknown }).refusals;
  if (!Array.isArray(refusals)) return [];
  return refusals.filter(
    (r): r is { code: string; reason: string } => typeof r?.code === "string" && typeof r?.reason === "string",
  );
}

export const EVIDENCE_TYPES = ["application/pdf", "image/jpeg", "image/png"];
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Why a file cannot be evidence, before it is sent (the service checks its content again). */
export function evidenceProblem(file: File): "type" | "size" | null {
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!EVIDENCE_TYPES.includes(file.type) && !(file.type === "" && byName)) return "type";
  if (file.size === 0 || file.size > EVIDENCE_MAX_BYTES) return "size";
  return null;
}

/** Fetches with the bearer token and saves the answer as a file (CSV export, evidence). */
export async function download(path: string, filename: string): Promise<void> {
  const send = () =>
    fetch(`${globalThis.location.origin}/api/exchange${path}`, {
      headers: { Authorization: `Bearer ${session.accessToken() ?? ""}` },
    });
  let response = await send();
  if (response.status === 401 && (await session.refresh())) response = await send();
  if (!response.ok) throw new Error(`${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The programmes, newest first; the open one is the one people work in. */
export function useProgrammes() {
  return useQuery({
    queryKey: ["exchange", "programmes"],
    queryFn: async () => {
      const list = unwrap(await exchange.GET("/programmes"));
      return [...list].sort((a, b) => b.created_at.localeCompare(a.created_at));
    },
  });
}

export function currentProgramme(list: Programme[]): Programme | undefined {
  return list.find((p) => p.closed_at === null) ?? list[0];
}

/** The alliance's clusters by id (their short names label parties and figures). */
export function useClusters() {
  return useQuery({
    queryKey: ["membership", "clusters"],
    queryFn: async () => unwrap(await membership.GET("/clusters")),
    select: (list) => new Map(list.map((c) => [c.id, c.short_name])),
  });
}
