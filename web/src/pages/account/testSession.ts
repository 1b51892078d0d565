import { session } from "../../auth/session";

export const PERSON = "22222222-2222-4222-8222-222222222222";
export const ORGANISATION = "33333333-3333-4333-8333-333333333333";

/** Signs in as the admin of ORGANISATION (tokens as membership gives them). */
export function signInAsOrganisationAdmin(access = "t1"): void {
  session.start({
    access_token: access,
    expires_in: 900,
    refresh_token: null,
    refresh_expires_in: null,
    subject: PERSON,
    roles: ["organisation_admin"],
    organisation_id: ORGANISATION,
    cluster_id: null,
    scopes: [],
    token_type: "bearer",
  });
}
