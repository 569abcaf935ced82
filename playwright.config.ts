import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the built renderer served by the loopback web transport (dist/web.cjs, started per test by
 * the fixture in tests/e2e/fixtures.ts), driven in Debian's Chromium. Build first: `npm run build`.
 * The browser runs with the same web security users get; the flags below only stop background network traffic.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // Two cores: one worker, so the server, Chromium and the test runner do not starve each other.
  workers: 1,
  retries: 0,
  reporter: 'list',
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    colorScheme: 'light',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
