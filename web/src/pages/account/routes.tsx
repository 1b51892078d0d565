// This area's pages, each lazily loaded, and its menu entries (the inbox itself is in the header).
import { lazy } from "react";
import type { RouteObject } from "react-router";
import { signedIn, type NavEntry } from "../../app/area";
import type { Token } from "../../auth/session";

const InboxPage = lazy(() => import("./InboxPage"));
const PreferencesPage = lazy(() => import("./PreferencesPage"));
const OrganisationPage = lazy(() => import("./OrganisationPage"));
const MePage = lazy(() => import("./MePage"));
const VerifyEmailPage = lazy(() => import("./VerifyEmailPage"));

export const routes: RouteObject[] = [
  { path: "inbox", element: <InboxPage /> },
  { path: "inbox/preferences", element: <PreferencesPage /> },
  { path: "organisation", element: <OrganisationPage /> },
  { path: "me", element: <MePage /> },
  { path: "verify-email", element: <VerifyEmailPage /> },
];

/** People of an organisation, and someone without a role yet (who may just have applied for one). */
const mayHaveOrganisation = (token: Token | null) => token !== null && (token.organisation_id !== null || token.roles.length === 0);

export const nav: NavEntry[] = [
  { to: "/organisation", label: "org.nav", shownTo: mayHaveOrganisation },
  { to: "/me", label: "me.nav", shownTo: signedIn },
  { to: "/inbox/preferences", label: "prefs.nav", shownTo: signedIn },
];
