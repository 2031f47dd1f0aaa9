// Drives the test page in headless Chromium (playwright-core, Debian's /usr/bin/chromium): logs in over
// WebSocket and over BOSH with BlueMind session tokens, and records what the page shows. Input: a JSON file
// (argv[2]); output: one line "BMX-RESULT <json>" on stdout; a screenshot per step in input.outDir.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = { steps: {} };
const STEP_MS = input.stepTimeoutMs || 30000;

const browser = await chromium.launch({
  executablePath: input.chromium || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    // the XMPP domain's name leads to the local server: TLS gets the SNI a real deployment has
    ...(input.mapHost ? ['--host-resolver-rules=MAP ' + input.mapHost + ' 127.0.0.1'] : [])],
});

let current = null;

/** A fresh browser profile (nothing cached) with the page loaded for that login. */
async function open(name, pageUrl, bmx) {
  // the server's certificates are the domains' self-signed ones: accepted, as a user who accepted them would
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(m.type() + ': ' + m.text()));
  page.on('pageerror', (e) => consoleLines.push('pageerror: ' + e.message));
  await page.addInitScript((c) => { window.BMX = c; }, bmx);
  await page.goto(pageUrl, { waitUntil: 'load' });
  current = { name, context, page, consoleLines };
  return current;
}

async function shot(s, file) {
  const p = path.join(input.outDir, file);
  await s.page.screenshot({ path: p });
  return p;
}

async function waitConnectedOrFailed(s, timeout = 2 * STEP_MS) {
  // connected, or given up: disconnected, or Strophe's ERROR (0), CONNFAIL (2), AUTHFAIL (4)
  await s.page.waitForFunction(() => {
    const st = window.bmxState;
    const fb = window.bmx && window.bmx.converse.state && window.bmx.converse.state.connfeedback;
    const status = fb ? fb.get('connection_status') : undefined;
    return st && (st.connected || st.disconnected || st.gaveUp || status === 0 || status === 2 || status === 4);
  }, null, { timeout });
  return s.page.evaluate(() => window.bmxState.connected);
}

/** What a refused login shows: Converse's login form feedback and our status bar. */
async function refusal(s, file, patienceMs) {
  let connected = false;
  let stillTrying = false;
  try {
    connected = await waitConnectedOrFailed(s, patienceMs);
  } catch (e) {
    if (!patienceMs) throw e;
    stillTrying = true; // BOSH requests the browser blocks look like a server that never answers: Strophe retries
  }
  await s.page.waitForTimeout(500);
  const feedback = await s.page.evaluate(() => {
    const el = document.querySelector('.conn-feedback');
    return el ? el.textContent.trim() : '';
  });
  const bar = await s.page.textContent('#bmx-status');
  return { connected, stillTrying, feedback, status: bar.trim(), screenshot: await shot(s, file), console: s.consoleLines.slice(-20) };
}

async function roster(s) {
  await s.page.waitForFunction((peer) => {
    const b = window.bmx; if (!b) return false;
    const c = b.converse.state && b.converse.state.roster;
    return c && c.get(peer);
  }, input.peerJid, { timeout: STEP_MS });
  const contacts = await s.page.evaluate(() => window.bmx.converse.state.roster.models.map((m) => ({
    jid: m.get('jid'), name: m.get('nickname') || m.getDisplayName?.() || '', subscription: m.get('subscription') })));
  // the contact as the roster shows it in the control box
  await s.page.waitForFunction(() => { const r = document.querySelector('converse-roster'); return r && /\S/.test(r.innerText); },
    null, { timeout: STEP_MS }).catch(() => {});
  const shown = await s.page.evaluate(() => { const r = document.querySelector('converse-roster'); return r ? r.innerText : ''; });
  return { contacts, shown };
}

async function avatar(s) {
  const vcard = await s.page.evaluate(async (peer) => {
    const v = await window.bmx.api.vcard.get(peer, true);
    const a = v.attributes || v;
    return { fullname: a.fullname, image_type: a.image_type, image_len: a.image ? a.image.length : 0, image_hash: a.image_hash };
  }, input.peerJid);
  await s.page.evaluate((peer) => window.bmx.api.chats.open(peer, {}, true), input.peerJid);
  await s.page.waitForSelector('converse-chat .chat-textarea, .chatbox .chat-textarea', { timeout: STEP_MS });
  // the colleague's photo drawn in the chat (Converse draws avatars as an SVG <image href="data:...">)
  const drawn = await s.page.waitForFunction(() => {
    const chat = document.querySelector('converse-chat') || document.querySelector('.chatbox');
    const img = chat && chat.querySelector('image[href^="data:image"], img[src^="data:image"]');
    return img ? (img.getAttribute('href') || img.getAttribute('src')).slice(0, 30) : null;
  }, null, { timeout: STEP_MS }).then((h) => h.jsonValue()).catch(() => null);
  return { vcard, drawn };
}

async function messages(s) {
  return s.page.evaluate(() => Array.from(document.querySelectorAll('.chat-msg__text')).map((e) => e.textContent.trim()));
}

async function waitMessage(s, text) {
  await s.page.waitForFunction((t) => Array.from(document.querySelectorAll('.chat-msg__text'))
    .some((e) => e.textContent.includes(t)), text, { timeout: STEP_MS });
}

async function step(name, fn) {
  try {
    out.steps[name] = await fn();
  } catch (e) {
    const failed = { error: String(e && e.stack || e) };
    if (current) {
      failed.console = current.consoleLines.slice(-30);
      failed.screenshot = await shot(current, name + '-error.png').catch(() => null);
      await current.context.close().catch(() => {});
    }
    out.steps[name] = failed;
  }
  current = null;
}

const base = { jid: input.jid };

await step('websocket', async () => {
  const s = await open('ws', input.pageUrl, { ...base, transport: 'ws', url: input.wsUrl, token: input.wsToken });
  const r = { connected: await waitConnectedOrFailed(s) };
  if (!r.connected) return { ...r, ...(await refusal(s, '00-websocket-failed.png')) };
  r.roster = await roster(s);
  r.screenshotRoster = await shot(s, '01-websocket-roster.png');
  r.avatar = await avatar(s);
  r.screenshotAvatar = await shot(s, '02-websocket-chat-avatar.png');
  // typed into Converse's message box and sent with Enter, as a user does
  await s.page.fill('converse-chat .chat-textarea, .chatbox .chat-textarea', input.sendText);
  await s.page.press('converse-chat .chat-textarea, .chatbox .chat-textarea', 'Enter');
  await waitMessage(s, input.expectReply);
  r.messages = await messages(s);
  r.screenshotMessages = await shot(s, '03-websocket-message-and-reply.png');
  r.console = s.consoleLines.filter((l) => /error|warn/i.test(l)).slice(-20);
  await s.context.close();
  return r;
});

await step('bosh', async () => {
  const s = await open('bosh', input.pageUrl, { ...base, transport: 'bosh', url: input.boshUrl, token: input.boshToken });
  const r = { connected: await waitConnectedOrFailed(s) };
  if (!r.connected) return { ...r, ...(await refusal(s, '04-bosh-failed.png')) };
  r.roster = await roster(s);
  r.screenshotRoster = await shot(s, '04-bosh-roster.png');
  // a fresh browser: what the chat shows of the WebSocket session comes from the server's archive (MAM)
  await s.page.evaluate((peer) => window.bmx.api.chats.open(peer, {}, true), input.peerJid);
  await waitMessage(s, input.sendText);
  await waitMessage(s, input.expectReply);
  r.history = await messages(s);
  r.screenshotHistory = await shot(s, '05-bosh-history-from-mam.png');
  await s.page.fill('#bmx-search', input.searchWord);
  await s.page.click('#bmx-search-form button');
  await s.page.waitForFunction(() => window.bmxState.search, null, { timeout: STEP_MS });
  r.search = await s.page.evaluate(() => window.bmxState.search);
  r.searchShown = await s.page.evaluate(() => Array.from(document.querySelectorAll('#bmx-results li')).map((e) => e.textContent));
  r.screenshotSearch = await shot(s, '06-bosh-fulltext-search.png');
  await s.context.close();
  return r;
});

await step('wrongToken', async () => {
  const s = await open('wrong', input.pageUrl, { ...base, transport: 'ws', url: input.wsUrl, token: input.wrongToken });
  const r = await refusal(s, '07-wrong-token-refused.png');
  await s.context.close();
  return r;
});

await step('expiredToken', async () => {
  const s = await open('expired', input.pageUrl, { ...base, transport: 'bosh', url: input.boshUrl, token: input.expiredToken });
  const r = await refusal(s, '08-expired-token-refused.png');
  await s.context.close();
  return r;
});

await step('foreignWebsocket', async () => {
  const s = await open('foreign-ws', input.foreignPageUrl, { ...base, transport: 'ws', url: input.wsUrl, token: input.foreignToken });
  const r = await refusal(s, '09-foreign-origin-websocket-refused.png');
  await s.context.close();
  return r;
});

await step('foreignBosh', async () => {
  const s = await open('foreign-bosh', input.foreignPageUrl, { ...base, transport: 'bosh', url: input.boshUrl, token: input.foreignToken });
  const r = await refusal(s, '10-foreign-origin-bosh-refused.png', 20000);
  await s.context.close();
  return r;
});

await browser.close();
console.log('BMX-RESULT ' + JSON.stringify(out));
