// The enumerations of membership's API, in the order people read them.
import type { components } from "../api/membership";

export type Category = components["schemas"]["Category"];
export type ValueChain = components["schemas"]["ValueChain"];

export const CATEGORIES: Category[] = ["sme", "large_company", "cluster_organisation", "support_organisation", "public_body"];
export const VALUE_CHAINS: ValueChain[] = ["fashion_textile", "circular_economy", "creative_industries", "digital_technology"];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as string[]).includes(value);
}
export function isValueChain(value: string): value is ValueChain {
  return (VALUE_CHAINS as string[]).includes(value);
}
