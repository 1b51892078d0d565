import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";

// The typed clients were generated from the committed documents (src/api/<service>.openapi.json);
// here each running service's own document, fetched through the gateway as the browser would,
// must be the same, so a service deployed with another API fails the build, not the person.
const SERVICES = ["membership", "exchange", "knowledge", "notifications"];

for (const service of SERVICES) {
  test(`the running ${service} service serves the document its typed client was generated from`, async ({
    request,
  }) => {
    const answer = await request.get(`/api/${service}/openapi.json`);
    expect(answer.ok()).toBe(true);
    const served = await answer.json();
    // Behind the gateway the service names its prefix as its server; the document is otherwise the same.
    delete served.servers;
    const committed = JSON.parse(readFileSync(`src/api/${service}.openapi.json`, "utf8"));
    expect(served).toEqual(committed);
  });
}
