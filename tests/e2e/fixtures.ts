import { test as base, expect } from '@playwright/test';
import { WorkbenchPage } from './pages/workbench-page';
import { startWebApp, type WebApp } from './support/web-app';

interface Fixtures {
  /** A web transport of its own for each test, on a fresh copy of the sample project. */
  app: WebApp;
  workbench: WorkbenchPage;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form even with no dependencies
  app: async ({}, use) => {
    const app = await startWebApp();
    try {
      await use(app);
    } finally {
      await app.stop();
    }
  },
  workbench: async ({ page, app }, use) => {
    await use(new WorkbenchPage(page, app));
  },
});

export { expect };
