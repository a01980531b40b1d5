import { defineConfig } from "@playwright/test";

// The console is started by Playwright from the debug build that `make test` made
// (`cargo leptos build`), with a throw-away data directory and a known demo password.
const port = process.env.E2E_PORT ?? "3100";
export const demoPassword = "e2e-Demo-Passw0rd";
// The embedded tenant emulator, pinned to a known loopback port so tests can drive its
// controls (`/_emulator/...`), e.g. to register a connector as its container would.
const emulatorPort = process.env.E2E_EMULATOR_PORT ?? "3199";
export const emulatorOrigin = `http://127.0.0.1:${emulatorPort}`;

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "off",
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "rm -rf end2end/.data && ./target/debug/server",
    cwd: "..",
    url: `http://127.0.0.1:${port}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: "target/site",
      LEPTOS_SITE_PKG_DIR: "pkg",
      LEPTOS_OUTPUT_NAME: "ztna-console",
      CONSOLE_DATA_DIR: "end2end/.data",
      CONSOLE_DEMO_PASSWORD: demoPassword,
      CONSOLE_EMULATOR_LISTEN: `127.0.0.1:${emulatorPort}`,
      RUST_LOG: "warn",
    },
  },
});
