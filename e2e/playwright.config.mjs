// End-to-end tests: the release dist/ loaded into host pages in Debian's
// headless Chromium (Playwright downloads no browser of its own).
import { defineConfig } from "@playwright/test";

// E2E_PORT moves the page origin (and the "CDN" beside it) when another
// run holds the default ports; faults.spec.mjs and cross-origin.html expect them.
const port = Number(process.env.E2E_PORT || 4173);
const faultPort = Number(process.env.E2E_FAULT_PORT || 4180);

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.mjs$/,
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: process.env.CHROME_BIN || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      command: `node server.mjs`,
      cwd: ".",
      env: { PORT: String(port), CDN_PORT: String(port + 1) },
      url: `http://127.0.0.1:${port}/article-widget.js`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
    {
      // The misbehaving feed server of faults.spec.mjs, on another origin.
      // `make test-e2e` builds it first; a cold build here takes a while.
      command: `cargo run --release --quiet --manifest-path fault-server/Cargo.toml -- ${faultPort}`,
      cwd: ".",
      url: `http://127.0.0.1:${faultPort}/_health`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
