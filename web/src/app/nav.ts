// The menu entries of the areas of pages, shown after the frame's own.
import { nav as account } from "../pages/account/routes";
import { nav as admin } from "../pages/admin/routes";
import { nav as exchange } from "../pages/exchange/routes";
import { nav as knowledge } from "../pages/knowledge/routes";

export const areaNav = [...knowledge, ...exchange, ...account, ...admin];
