// This area's pages, each lazily loaded, and its menu entries.
import type { RouteObject } from "react-router";
import type { NavEntry } from "../../app/area";

export const routes: RouteObject[] = [];
export const nav: NavEntry[] = [];
