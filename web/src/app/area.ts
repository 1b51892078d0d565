// What an area of pages (pages/<area>/) adds to the app's frame: routes, menu entries and, for
// cluster managers, sections of the one work queue.
import type { ComponentType } from "react";
import type { Token } from "../auth/session";
import type { MessageKey } from "../i18n/catalogue";

export interface NavEntry {
  to: string;
  label: MessageKey;
  /** Whether the entry is in the menu for this session (null: nobody signed in). */
  shownTo: (token: Token | null) => boolean;
}

export interface QueueSectionProps {
  clusterId: string;
  /** Says what was done, in the page's live region (screen readers hear it). */
  announce: (message: string) => void;
}

export interface QueueSection {
  id: string;
  Component: ComponentType<QueueSectionProps>;
}

export const anyone = () => true;
export const signedIn = (token: Token | null) => token !== null;
export const hasRole = (role: string) => (token: Token | null) => token?.roles.includes(role) ?? false;
