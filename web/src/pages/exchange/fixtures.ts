// Exchanges, offers and sessions as the API and membership answer them, for this area's tests.
import { session } from "../../auth/session";
import type { Exchange, Offer } from "./model";

export const MODACC = "0b1c0000-0000-4000-8000-000000000001";
export const BFA = "0b1c0000-0000-4000-8000-000000000002";
export const VISITOR_ORG = "6f1c1e0a-2b7e-4c55-9d1a-7f4d7c9f0a01";
export const HOST_ORG = "0e2b5a4c-8f3d-4a61-b2c7-5d9e1f3a7b02";
export const PROGRAMME = "9a000000-0000-4000-8000-000000000001";

export function signInAs(who: "visitor" | "host" | "visitorManager" | "hostManager") {
  const org = who === "visitor" ? VISITOR_ORG : who === "host" ? HOST_ORG : null;
  const cluster = who === "visitorManager" ? MODACC : who === "hostManager" ? BFA : null;
  session.start({
    access_token: `token-${who}`,
    expires_in: 900,
    refresh_token: null,
    refresh_expires_in: null,
    subject: `person-${who}`,
    roles: org ? ["organisation_admin"] : ["cluster_manager"],
    organisation_id: org,
    cluster_id: cluster,
    scopes: [],
    token_type: "bearer",
  });
}

export const offer: Offer = {
  id: "0ff00000-0000-4000-8000-000000000001",
  title: "BFA: a week with our team",
  host_organisation_id: HOST_ORG,
  host_name: "Sofia Recycled Yarns",
  host_category: "sme",
  host_cluster_id: BFA,
  host_country: "BG",
  host_region: null,
  host_value_chains: ["circular_economy"],
  activity_kinds: ["knowledge_sharing", "networking"],
  languages: ["en"],
  periods: [{ first: "2026-08-01", last: "2027-12-01" }],
  capacity: 3,
  topics: ["yarn recycling"],
  published_at: "2026-08-01T10:00:00Z",
};

export const ALLOWED: Record<Exchange["state"], Exchange["allowed_next"]> = {
  requested: ["accept", "decline", "cancel"],
  accepted: ["sign", "amend_commitment", "enter_distance", "cancel"],
  commitment_agreed: ["approve", "amend_commitment", "enter_distance", "cancel"],
  approved: ["start", "cancel", "flag_at_risk"],
  in_progress: ["submit_report", "give_feedback", "flag_overdue", "flag_at_risk"],
  report_submitted: ["validate", "send_back", "give_feedback", "flag_at_risk"],
  report_sent_back: ["submit_report", "give_feedback", "flag_overdue", "flag_at_risk"],
  completed: ["record_payment", "flag_overdue"],
  lump_sum_paid: [],
  declined: [],
  cancelled: [],
};

export function anExchange(state: Exchange["state"], changes: Partial<Exchange> = {}): Exchange {
  return {
    id: "e0000000-0000-4000-8000-000000000001",
    programme_id: PROGRAMME,
    state,
    allowed_next: ALLOWED[state],
    visitor: { organisation_id: VISITOR_ORG, name: "Teixits Igualada SL", category: "sme", country: "ES", cluster_id: MODACC },
    host: { organisation_id: HOST_ORG, name: null, category: "sme", country: "BG", cluster_id: BFA },
    first_day: "2026-11-17",
    last_day: "2026-11-20",
    activity_kind: "knowledge_sharing",
    slot_category: "sme",
    hosting_offer_id: null,
    group_mission_id: null,
    message: null,
    commitment: null,
    signatures: [],
    missing_signatures: ["visitor", "host", "visitor_cluster", "host_cluster"],
    lump_sum: {
      amount_eur: "350.00",
      cap_eur: "700.00",
      working_days: 4,
      distance_km: "1720.4",
      distance_source: "coordinates",
      distance_entered_by: null,
      distance_missing: false,
      halved_reasons: ["fewer than 5 working days"],
    },
    report: null,
    host_feedback: null,
    review_comments: null,
    closing_reason: null,
    at_risk_reason: null,
    approved_at: null,
    validated_at: null,
    payment_due: null,
    paid_at: null,
    paid_amount_eur: null,
    report_due: "2026-12-20",
    requested_at: "2026-11-02T10:00:00Z",
    version: 1,
    ...changes,
  };
}

export const commitment = {
  goals: ["Learn yarn recycling"],
  agenda: [{ day: "2026-11-17", activities: "Tour" }],
  expected_results: ["A joint project"],
  first_day: "2026-11-17",
  last_day: "2026-11-20",
};
