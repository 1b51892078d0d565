import { describe, expect, it } from "vitest";
import { COUNTRIES } from "./countries";
import { countryOutlines, europeProjection } from "./projection";

describe("the country outlines", () => {
  const outlines = countryOutlines(europeProjection());

  it("have a unique key each, though the atlas gives some outlines the same id", () => {
    const keys = outlines.map((o) => o.key);
    expect(new Set(keys).size).toBe(keys.length);
    const ids = outlines.map((o) => o.id);
    expect(new Set(ids).size).toBeLessThan(ids.length);
  });

  it("keep the atlas's ISO numeric id, by which partner countries are outlined", () => {
    const ids = new Set(outlines.map((o) => o.id));
    for (const code of ["ES", "BG", "FR", "RO", "DK"]) {
      expect(ids.has(COUNTRIES[code]?.numeric ?? `no ${code}`)).toBe(true);
    }
  });
});
