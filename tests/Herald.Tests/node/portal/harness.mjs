// Shared by the portal's browser scenarios: Debian's chromium driven by playwright-core, headless; a receiver on
// 127.0.0.1 whose answer the scenario sets; axe-core run on each page; screenshots kept as test artefacts.
// Input (stdin, JSON): {"base_url", "token", "account_key", "browser", "screenshots", ...the scenario's own fields}.
import { createServer } from "node:http";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export async function readInput() {
  let text = "";
  for await (const chunk of process.stdin) {
    text += chunk;
  }
  return JSON.parse(text);
}

/** Runs a scenario with a browser page; prints its result as the last line of stdout; exit 1 with the reason on failure. */
export async function scenario(name, body) {
  const input = await readInput();
  const browser = await chromium.launch({ executablePath: input.browser, headless: true, args: ["--no-sandbox"] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  page.on("request", (request) => {
    // Every request the portal makes stays on 127.0.0.1.
    const host = new URL(request.url()).hostname;
    if (host !== "127.0.0.1") {
      pageErrors.push(`request to ${request.url()}`);
    }
  });
  const shots = join(input.screenshots, name);
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  const tools = {
    input,
    page,
    async shot(step) {
      await page.screenshot({ path: join(shots, `${step}.png`), fullPage: true });
    },
    axe: (label) => axe(page, label),
    api: (method, path, body, key = input.account_key) => api(input.base_url, key, method, path, body),
  };
  let result;
  try {
    result = await body(tools);
    if (pageErrors.length > 0) {
      throw new Error(`the page failed: ${pageErrors.join("; ")}`);
    }
  } catch (error) {
    await page.screenshot({ path: join(shots, "failure.png"), fullPage: true }).catch(() => undefined);
    console.error(`${name}: ${error?.stack ?? error}`);
    await browser.close();
    process.exit(1);
  }
  await browser.close();
  console.log(JSON.stringify(result));
}

/** Runs axe-core on the page; throws when it finds any violation (its rules for WCAG 2.x A and AA). */
async function axe(page, label) {
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.evaluate(axeSource);
  }
  const results = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }));
  if (results.violations.length > 0) {
    const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    throw new Error(`axe on ${label}: ${found.join("; ")}`);
  }
  return { page: label, passes: results.passes.length };
}

async function api(base, key, method, path, body) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** An HTTP receiver on 127.0.0.1: records every request; answers what `answer` says (200 until changed). */
export async function receiver() {
  const received = [];
  const state = { status: 200 };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), answered: state.status });
      response.writeHead(state.status, { "Content-Type": "text/plain" });
      response.end(state.status < 300 ? "ok" : "receiver is failing on purpose");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks`,
    received,
    answer(status) {
      state.status = status;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Polls until `probe` answers a truthy value or the deadline passes. */
export async function eventually(what, probe, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Opens the portal the way a platform links to it: /portal#token=…, then waits for the first page. */
export async function openPortal(page, input, route = "") {
  await page.goto(`${input.base_url}/portal#token=${encodeURIComponent(input.token)}${route ? `&page=${encodeURIComponent(route)}` : ""}`);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
}
