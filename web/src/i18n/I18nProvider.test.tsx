import { describe, expect, it } from "vitest";
import { AREAS, en, es } from "./catalogue";
import { interpolate } from "./I18nProvider";

describe("messages", () => {
  it("fill placeholders and leave unknown ones visible", () => {
    expect(interpolate("{a} of {b}", { a: 3, b: "50" })).toBe("3 of 50");
    expect(interpolate("{a} of {b}", { a: 3 })).toBe("3 of {b}");
  });

  it("use in Spanish exactly the placeholders of the English text", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(es[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it("never give two areas the same key (a later one would silently replace the earlier)", () => {
    const seen = new Map<string, string>();
    for (const [area, messages] of Object.entries(AREAS)) {
      for (const key of Object.keys(messages.en)) {
        expect(seen.get(key), `${key} in ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
  });
});
