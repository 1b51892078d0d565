// Every text of the app, joined from the frame's (`en.ts`, `es.ts`) and each area's own
// (`pages/<area>/messages.ts`), so areas of pages are written side by side without sharing a file.
// Each area's Spanish is typed by its English: a missing translation is a type error there.
import * as account from "../pages/account/messages";
import * as admin from "../pages/admin/messages";
import * as exchange from "../pages/exchange/messages";
import * as knowledge from "../pages/knowledge/messages";
import { en as coreEn } from "./en";
import { es as coreEs } from "./es";

export const AREAS = { core: { en: coreEn, es: coreEs }, account, admin, exchange, knowledge };

export const en = { ...coreEn, ...account.en, ...admin.en, ...exchange.en, ...knowledge.en };
export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
export const es: Messages = { ...coreEs, ...account.es, ...admin.es, ...exchange.es, ...knowledge.es };
