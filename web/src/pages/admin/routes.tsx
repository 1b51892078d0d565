// This area's pages, each lazily loaded, and its menu entries.
import { lazy } from "react";
import type { RouteObject } from "react-router";
import type { NavEntry } from "../../app/area";
import { isAdmin, managesOrAdministers } from "./access";

const ProgrammesPage = lazy(() => import("./ProgrammesPage"));
const ClustersPage = lazy(() => import("./ClustersPage"));
const PartnersPage = lazy(() => import("./PartnersPage"));
const ExportsPage = lazy(() => import("./ExportsPage"));

export const routes: RouteObject[] = [
  { path: "admin/programmes", element: <ProgrammesPage /> },
  { path: "admin/clusters", element: <ClustersPage /> },
  { path: "admin/partners", element: <PartnersPage /> },
  { path: "exports", element: <ExportsPage /> },
];

export const nav: NavEntry[] = [
  { to: "/admin/programmes", label: "admin.navProgrammes", shownTo: isAdmin },
  { to: "/admin/clusters", label: "admin.navClusters", shownTo: isAdmin },
  { to: "/admin/partners", label: "admin.navPartners", shownTo: isAdmin },
  { to: "/exports", label: "exports.nav", shownTo: managesOrAdministers },
];
