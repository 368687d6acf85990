/**
 * Debian's headless Chromium for the browser tests, through playwright-core.
 *
 * Behaviour: launches /usr/bin/chromium without network features. When it is missing, the
 * test bootstrap installs Debian's `chromium` as root on Debian/Ubuntu; elsewhere the tests
 * fail with a message saying what to install.
 */
import fs from "fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { aptInstall } from "../../kernel/bootstrap";

export const CHROMIUM = "/usr/bin/chromium";

/** Launch the browser, or throw saying the tests need Debian's chromium. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) aptInstall(["chromium"]);
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `the browser tests need Debian's chromium at ${CHROMIUM}: sudo apt-get install chromium`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Collect uncaught page errors; requests outside `allowed` hosts are refused (offline). */
export async function offlinePage(
  browser: Browser,
  allowed: (url: string) => boolean,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.route("**/*", (route) =>
    allowed(route.request().url()) ? route.continue() : route.abort(),
  );
  return { page, errors };
}

/** How many plotly graphs drew their SVG. */
export function drawnPlots(page: Page): Promise<number> {
  return page.evaluate(
    `Array.from(document.querySelectorAll(".tslab-ml-plot")).filter((d) => d.querySelector(".main-svg")).length`,
  );
}

/** Wait until `count()` reaches `expected` or `timeoutMs` passes; returns the last count. */
export async function waitForCount(
  count: () => Promise<number>,
  expected: number,
  timeoutMs: number,
): Promise<number> {
  const end = Date.now() + timeoutMs;
  let n = await count();
  while (n < expected && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250));
    n = await count();
  }
  return n;
}
