// Test-only (FastE2eIT): FAST (XEP-0484) with xmpp.js 0.14, which asks for a token at a password login when the
// server offers FAST and logs in with it (HT-SHA-256-NONE) afterwards; prints "BMX-RESULT <json>".
//   node fast_login.mjs input.json
// input: {host, port, domain, username, password, agent, tag, goFile}. Steps: a password login (gets a token), a
// FAST login with it, then "BMX-WAITING" and a wait for goFile (the test revokes the user's tokens meanwhile), a
// login whose FAST attempt is refused and that falls back to the password (and gets a new token), a FAST login
// with that new token. The token is kept between clients as a phone keeps it in its storage.
import { client, xml } from "@xmpp/client";
import { existsSync, readFileSync } from "node:fs";

const cfg = JSON.parse(readFileSync(process.argv[2], "utf8"));
const result = { logins: [], errors: [] };
let stored = null; // the phone's token storage

function redact(el) {
  return el.toString()
    .replace(/<initial-response>[^<]*<\/initial-response>/, "<initial-response>(redacted)</initial-response>")
    .replace(/token="[^"]*"/, 'token="(redacted)"');
}

async function login() {
  const sent = [];
  const received = [];
  const xmpp = client({
    service: `xmpp://${cfg.host}:${cfg.port}`,
    domain: cfg.domain,
    username: cfg.username,
    password: cfg.password,
    resource: cfg.tag,
    userAgent: xml("user-agent", { id: cfg.agent }, xml("software", {}, "xmpp.js 0.14.0"), xml("device", {}, "bm-xmpp e2e")),
  });
  xmpp.fast.saveToken = async (t) => { stored = t; };
  xmpp.fast.fetchToken = async () => stored;
  xmpp.fast.deleteToken = async () => { stored = null; };
  xmpp.reconnect.stop();
  xmpp.on("error", () => {});
  xmpp.on("send", (el) => sent.push(redact(el)));
  xmpp.on("element", (el) => received.push(redact(el)));
  const seen = { sent, received, had_token: stored !== null };
  try {
    const address = await xmpp.start();
    seen.jid = address.toString();
    seen.mechanisms = sent.filter((s) => s.startsWith("<authenticate")).map((s) => /mechanism="([^"]*)"/.exec(s)[1]);
    seen.token_after = stored ? { mechanism: stored.mechanism, expiry: stored.expiry } : null;
    const roster = await xmpp.iqCaller.get(xml("query", "jabber:iq:roster"));
    seen.roster_ok = roster.is("query", "jabber:iq:roster");
    await xmpp.stop();
  } catch (e) {
    seen.error = { name: e.name, condition: e.condition || null, text: e.text || null, message: String(e.message || e) };
    try { await xmpp.stop(); } catch (ignored) { /* gone */ }
  }
  return seen;
}

try {
  result.logins.push(await login()); // password, token requested
  result.logins.push(await login()); // FAST
  console.log("BMX-WAITING");
  const until = Date.now() + 60000;
  while (!existsSync(cfg.goFile) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
  }
  result.logins.push(await login()); // FAST refused (revoked), password fallback, new token
  result.logins.push(await login()); // FAST with the new token
} catch (e) {
  result.errors.push(String(e && e.stack || e));
}
console.log("BMX-RESULT " + JSON.stringify(result));
process.exit(0);
