// This area's pages, each lazily loaded, and its menu entries.
import { lazy } from "react";
import type { RouteObject } from "react-router";
import { anyone, hasRole, type NavEntry } from "../../app/area";
import type { Token } from "../../auth/session";

const OffersPage = lazy(() => import("./OffersPage"));
const OfferPage = lazy(() => import("./OfferPage"));
const PublishOfferPage = lazy(() => import("./PublishOfferPage"));
const SuggestionsPage = lazy(() => import("./SuggestionsPage"));
const MyExchangesPage = lazy(() => import("./MyExchangesPage"));
const ExchangePage = lazy(() => import("./ExchangePage"));
const FiguresPage = lazy(() => import("./FiguresPage"));

export const routes: RouteObject[] = [
  { path: "exchange/offers", element: <OffersPage /> },
  { path: "exchange/offers/new", element: <PublishOfferPage /> },
  { path: "exchange/offers/:offerId", element: <OfferPage /> },
  { path: "exchange/suggestions", element: <SuggestionsPage /> },
  { path: "exchange/mine", element: <MyExchangesPage /> },
  { path: "exchange/figures", element: <FiguresPage /> },
  { path: "exchange/:exchangeId", element: <ExchangePage /> },
];

const member = (token: Token | null) => Boolean(token?.organisation_id);
const managerOrMember = (token: Token | null) => member(token) || hasRole("cluster_manager")(token);

export const nav: NavEntry[] = [
  { to: "/exchange/offers", label: "offers.nav", shownTo: anyone },
  { to: "/exchange/suggestions", label: "suggestions.nav", shownTo: member },
  { to: "/exchange/mine", label: "exchange.nav.mine", shownTo: managerOrMember },
  { to: "/exchange/figures", label: "programme.nav.figures", shownTo: hasRole("cluster_manager") },
];
