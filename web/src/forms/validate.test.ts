import { describe, expect, it } from "vitest";
import { checkApplication, checkSignIn, checkSignUp, hasProblems, PASSWORD_MIN } from "./validate";

const application = {
  legal_name: "Tejidos Rius SL",
  category: "sme",
  cluster_id: "00000000-0000-0000-0000-000000000001",
  country: "ES",
  registration_number: "B-12345678",
  city: "",
  value_chains: ["fashion_textile"],
};

describe("sign-up checks", () => {
  it("accept a complete form", () => {
    expect(checkSignUp({ email: "ana@tejidos.example", password: "x".repeat(PASSWORD_MIN), display_name: "Ana" })).toEqual({});
  });

  it("name every field that is wrong, and only those", () => {
    const problems = checkSignUp({ email: "ana@", password: "short", display_name: "  " });
    expect(problems).toEqual({
      email: { key: "form.email" },
      password: { key: "form.passwordLength", values: { min: PASSWORD_MIN } },
      display_name: { key: "form.required" },
    });
  });

  it("refuse a password longer than the service accepts", () => {
    expect(checkSignUp({ email: "a@b.eu", password: "x".repeat(201), display_name: "A" }).password?.key).toBe("form.tooLong");
  });
});

describe("sign-in checks", () => {
  it("require both fields", () => {
    expect(Object.keys(checkSignIn({ email: "", password: "" }))).toEqual(["email", "password"]);
    expect(hasProblems(checkSignIn({ email: "a@b.eu", password: "anything" }))).toBe(false);
  });
});

describe("application checks", () => {
  it("accept a complete application without a city", () => {
    expect(checkApplication(application)).toEqual({});
  });

  it("want a two-letter upper-case country and a registration number the service accepts", () => {
    const problems = checkApplication({ ...application, country: "es", registration_number: "#1" });
    expect(problems.country?.key).toBe("form.country");
    expect(problems.registration_number?.key).toBe("form.registrationNumber");
  });

  it("want a cluster and at least one value chain", () => {
    const problems = checkApplication({ ...application, cluster_id: "", value_chains: [] });
    expect(problems).toEqual({ cluster_id: { key: "form.required" }, value_chains: { key: "form.chooseOne" } });
  });
});
