// Every page is its own chunk: the first page loads only the code it needs.
import { lazy } from "react";
import type { RouteObject } from "react-router";
import { Layout } from "../components/Layout";
import { prefetchHome } from "../pages/homeQueries";
import { routes as account } from "../pages/account/routes";
import { routes as admin } from "../pages/admin/routes";
import { routes as exchange } from "../pages/exchange/routes";
import { routes as knowledge } from "../pages/knowledge/routes";
import { queryClient } from "./queryClient";

const HomePage = lazy(() => import("../pages/HomePage"));
const DirectoryPage = lazy(() => import("../pages/DirectoryPage"));
const MapPage = lazy(() => import("../pages/MapPage"));
const SignInPage = lazy(() => import("../pages/SignInPage"));
const SignUpPage = lazy(() => import("../pages/SignUpPage"));
const ApplyPage = lazy(() => import("../pages/ApplyPage"));
const WorkQueuePage = lazy(() => import("../pages/WorkQueuePage"));
const NotFoundPage = lazy(() => import("../pages/NotFoundPage"));

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      {
        index: true,
        element: <HomePage />,
        loader: () => {
          prefetchHome(queryClient);
          return null;
        },
      },
      { path: "directory", element: <DirectoryPage /> },
      { path: "map", element: <MapPage /> },
      { path: "sign-in", element: <SignInPage /> },
      { path: "sign-up", element: <SignUpPage /> },
      { path: "apply", element: <ApplyPage /> },
      { path: "work-queue", element: <WorkQueuePage /> },
      ...knowledge,
      ...exchange,
      ...account,
      ...admin,
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];
