// End-to-end tests: the release dist/ loaded into host pages in Debian's
// headless Chromium (Playwright downloads no browser of its own).
import { defineConfig } from "@playwright/test";

// E2E_PORT moves the servers (page origin, CDN origin +1, fault server +7) for
// a narrow run beside another checkout's; some specs name the default ports.
const port = Number(process.env.E2E_PORT || 4173);
const faultPort = port + 7;

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
    {
      // The feed service of serve.spec.mjs in front of the fault server, on a
      // third origin, with a timeout shorter than the widget's own (10 s).
      // `make test-e2e` builds it first.
      command: `../target/debug/article-widget serve --listen 127.0.0.1:${faultPort + 2} --allow http://127.0.0.1:${faultPort} --allow-loopback --timeout 3`,
      cwd: ".",
      url: `http://127.0.0.1:${faultPort + 2}/healthz`,
      reuseExistingServer: false,
      timeout: 20_000,
    },
  ],
});
