// Sessions for this area's component tests.
import { session } from "../../auth/session";

export const ORGANISATION = "0e2b5a4c-8f3d-4a61-b2c7-5d9e1f3a7b02";
export const CLUSTER = "0b1c0000-0000-4000-8000-000000000001";

export function signInAs(roles: string[], { organisation_id = null as string | null, cluster_id = null as string | null } = {}) {
  session.start({
    access_token: `token-${roles.join("-")}`,
    expires_in: 900,
    refresh_token: null,
    refresh_expires_in: null,
    subject: "p1",
    roles,
    organisation_id,
    cluster_id,
    scopes: [],
    token_type: "bearer",
  });
}
