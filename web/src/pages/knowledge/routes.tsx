// This area's pages, each lazily loaded, and its menu entries.
import { lazy } from "react";
import type { RouteObject } from "react-router";
import { anyone, signedIn, type NavEntry } from "../../app/area";

const LibraryPage = lazy(() => import("./LibraryPage"));
const ResourcePage = lazy(() => import("./ResourcePage"));
const MyResourcesPage = lazy(() => import("./MyResourcesPage"));
const ResourceEditorPage = lazy(() => import("./ResourceEditorPage"));
const TrainingPage = lazy(() => import("./TrainingPage"));
const CoursePage = lazy(() => import("./CoursePage"));
const MyTrainingPage = lazy(() => import("./MyTrainingPage"));
const CertificateVerifyPage = lazy(() => import("./CertificateVerifyPage"));
const RegionsPage = lazy(() => import("./RegionsPage"));
const RegionPage = lazy(() => import("./RegionPage"));

export const routes: RouteObject[] = [
  { path: "library", element: <LibraryPage /> },
  { path: "library/mine", element: <MyResourcesPage /> },
  { path: "library/new", element: <ResourceEditorPage /> },
  { path: "library/:id", element: <ResourcePage /> },
  { path: "library/:id/edit", element: <ResourceEditorPage /> },
  { path: "library/:id/translate", element: <ResourceEditorPage /> },
  { path: "training", element: <TrainingPage /> },
  { path: "training/mine", element: <MyTrainingPage /> },
  { path: "training/:id", element: <CoursePage /> },
  { path: "certificates/verify", element: <CertificateVerifyPage /> },
  { path: "certificates/verify/:code", element: <CertificateVerifyPage /> },
  { path: "regions", element: <RegionsPage /> },
  { path: "regions/:code", element: <RegionPage /> },
];

export const nav: NavEntry[] = [
  { to: "/library", label: "library.nav", shownTo: anyone },
  { to: "/training", label: "training.nav", shownTo: anyone },
  { to: "/training/mine", label: "training.mine.nav", shownTo: signedIn },
  { to: "/regions", label: "analyses.nav", shownTo: anyone },
];
