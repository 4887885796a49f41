// Measures the portal's page load (scripts/portal-bench.sh): each load in a fresh browser context (cold cache, the
// token from the link), the time from the navigation's start to the first row of the page's list in the DOM, read
// in the page (performance.now(), navigation-relative) by a MutationObserver installed before the page's own script.
// Input: {"base_url", "token", "webhook_id", "loads", "browser"}; prints {"endpoints": {...}, "deliveries": {...}}.
import { chromium } from "playwright-core";
import { readInput } from "./harness.mjs";

const input = await readInput();
const pages = {
  endpoints: { route: "", rows: "#webhook-list table tbody tr" },
  deliveries: { route: `/webhooks/${input.webhook_id}`, rows: "#deliveries tr[data-delivery]" },
};

function watchFor(selector) {
  const seen = () => {
    if (!window.__firstRows && document.querySelector(selector)) {
      window.__firstRows = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
}

const browser = await chromium.launch({ executablePath: input.browser, headless: true, args: ["--no-sandbox"] });
try {
  const result = {};
  for (const [name, { route, rows }] of Object.entries(pages)) {
    const ms = [];
    let shown = 0;
    for (let load = 0; load < input.loads; load++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(60000);
      page.on("request", (request) => {
        if (new URL(request.url()).hostname !== "127.0.0.1") {
          throw new Error(`request to ${request.url()}`);
        }
      });
      await page.addInitScript(watchFor, rows);
      await page.goto(`${input.base_url}/portal#token=${encodeURIComponent(input.token)}${route ? `&page=${encodeURIComponent(route)}` : ""}`);
      await page.locator(rows).first().waitFor();
      ms.push(Math.round(await page.evaluate(() => window.__firstRows)));
      shown = await page.locator(rows).count();
      await context.close();
    }
    const sorted = [...ms].sort((a, b) => a - b);
    result[name] = { ms, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1), rows_shown: shown };
  }
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
