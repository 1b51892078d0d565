// This area's texts; keys start with the area's own prefixes (never another area's).
export const en = {};
export const es: Record<keyof typeof en, string> = {};
