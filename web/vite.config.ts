/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In `npm run dev` the dev server stands in for the gateway: same /api/<service>/ paths.
const SERVICE_PORTS = { membership: 8001, exchange: 8002, knowledge: 8003, notifications: 8004 };

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(
      Object.entries(SERVICE_PORTS).map(([service, port]) => [
        `/api/${service}/`,
        {
          target: `http://127.0.0.1:${port}`,
          rewrite: (path: string) => path.replace(`/api/${service}`, ""),
        },
      ]),
    ),
  },
  build: { target: "es2022", sourcemap: false },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test-setup.ts"],
    testTimeout: 20_000,
  },
});
