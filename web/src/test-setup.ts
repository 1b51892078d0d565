import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";
import { fakeFetch, resetFakeApi } from "./testing/fakeApi";
import { session } from "./auth/session";

// Installed before any module creates an API client (openapi-fetch keeps the fetch it was given).
globalThis.fetch = fakeFetch;
// The machine is shared: waiting for a page to settle may take longer than the default second.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  resetFakeApi();
  session.end();
  localStorage.clear();
});
