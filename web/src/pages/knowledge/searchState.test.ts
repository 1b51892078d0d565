import { describe, expect, it } from "vitest";
import { readSearch, writeSearch } from "./searchState";

describe("library search in the address", () => {
  it("reads what a shared link says and writes it back the same", () => {
    const params = new URLSearchParams("q=sostenible&kind=guide&language=es&tag=ecodiseño&offset=20");
    const search = readSearch(params);
    expect(search).toMatchObject({ q: "sostenible", language: "es", kind: "guide", tag: "ecodiseño", offset: 20 });
    expect(writeSearch(search).toString()).toBe(params.toString());
  });

  it("drops values the API would refuse and keeps offsets on page boundaries within its limit", () => {
    const search = readSearch(new URLSearchParams("language=xx&kind=poem&offset=999999&author_organisation_id=nope"));
    expect(search).toEqual({
      q: undefined,
      language: undefined,
      kind: undefined,
      value_chain: undefined,
      region: undefined,
      tag: undefined,
      author_organisation_id: undefined,
      offset: 1000,
    });
    expect(readSearch(new URLSearchParams("offset=-5")).offset).toBe(0);
    expect(readSearch(new URLSearchParams("offset=25")).offset).toBe(20);
  });

  it("leaves empty choices out of the link", () => {
    expect(writeSearch({ q: "", offset: 0 }).toString()).toBe("");
  });
});
