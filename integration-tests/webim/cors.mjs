// Uploads and downloads a file (XEP-0363 slot URLs) and reads host-meta with fetch() from a page in headless
// Chromium (playwright-core, Debian's /usr/bin/chromium), as BlueMind's web application and Converse.js do: once
// from a page of the allowed origin, once from a page of another origin. Input: a JSON file (argv[2]); output: one
// line "BMX-RESULT <json>" on stdout.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const browser = await chromium.launch({
  executablePath: input.chromium || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});

/** In a fresh profile on pageUrl: PUT the text to putUrl, GET getUrl, GET hostMetaUrl; each outcome or its error. */
async function fromPage(pageUrl, putUrl, getUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.type() + ': ' + m.text()));
  await page.goto(pageUrl, { waitUntil: 'load' });
  const r = await page.evaluate(async (a) => {
    const attempt = async (f) => {
      try { return await f(); } catch (e) { return { error: String(e) }; }
    };
    const origin = window.location.origin;
    const put = await attempt(async () => {
      const res = await fetch(a.putUrl, { method: 'PUT', headers: { 'Content-Type': a.contentType }, body: a.content });
      return { status: res.status };
    });
    const get = await attempt(async () => {
      const res = await fetch(a.getUrl);
      return { status: res.status, body: await res.text() };
    });
    const hostMeta = await attempt(async () => {
      const res = await fetch(a.hostMetaUrl);
      return { status: res.status, body: await res.text() };
    });
    return { origin, put, get, hostMeta };
  }, { putUrl, getUrl, hostMetaUrl: input.hostMetaUrl, contentType: input.contentType, content: input.content });
  await page.waitForTimeout(300);
  await context.close();
  return { ...r, console: consoleLines };
}

const out = {};
out.allowed = await fromPage(input.pageUrl, input.putUrl, input.getUrl);
out.foreign = await fromPage(input.foreignPageUrl, input.foreignPutUrl, input.getUrl);
await browser.close();
console.log('BMX-RESULT ' + JSON.stringify(out));
