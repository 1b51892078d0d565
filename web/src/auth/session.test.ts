import { describe, expect, it } from "vitest";
import { membership } from "../api/clients";
import { answer, sent } from "../testing/fakeApi";
import "./AuthProvider";
import { session, type Token } from "./session";

const token = (access: string, refresh: string): Token => ({
  access_token: access,
  expires_in: 900,
  refresh_token: refresh,
  refresh_expires_in: 86400,
  subject: "p1",
  roles: [],
  organisation_id: null,
  cluster_id: null,
  scopes: [],
  token_type: "bearer",
});

describe("the session", () => {
  it("refreshes an expired access token once and repeats the refused request", async () => {
    session.start(token("old", "r1"));
    answer("GET /api/membership/people/me", (request) =>
      request.headers.get("Authorization") === "Bearer new"
        ? { body: { id: "p1", language: "en" } }
        : { status: 401, body: { title: "Unauthorized" } },
    );
    answer("POST /api/membership/auth/refresh", { body: token("new", "r2") });

    const { data } = await membership.GET("/people/me");

    expect(data).toMatchObject({ id: "p1" });
    expect(sent.map((r) => `${r.method} ${r.path} ${r.authorization}`)).toEqual([
      "GET /api/membership/people/me Bearer old",
      "POST /api/membership/auth/refresh Bearer old",
      "GET /api/membership/people/me Bearer new",
    ]);
    expect(sent[1]?.body).toEqual({ refresh_token: "r1" });
    expect(session.current()?.refresh_token).toBe("r2");
  });

  it("ends when the refresh token is refused", async () => {
    session.start(token("old", "r1"));
    answer("GET /api/membership/people/me", { status: 401, body: { title: "Unauthorized" } });
    answer("POST /api/membership/auth/refresh", { status: 401, body: { title: "Unauthorized" } });

    const { response } = await membership.GET("/people/me");

    expect(response.status).toBe(401);
    expect(session.current()).toBeNull();
  });
});
