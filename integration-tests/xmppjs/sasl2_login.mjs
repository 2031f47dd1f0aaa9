// Test-only (Sasl2E2eIT): logs in with xmpp.js 0.14, a client that uses SASL2 (XEP-0388) and Bind2 (XEP-0386)
// whenever a server offers them, and prints what it negotiated as one line "BMX-RESULT <json>".
//   node sasl2_login.mjs input.json
// input: {host, port, domain, username, password, wrongPassword, agent, tag}. Steps: a login, a second login with the
// same user-agent id, then a wrong password (last: it makes the throttle refuse the account for a while).
import { client, xml } from "@xmpp/client";
import { readFileSync } from "node:fs";

const cfg = JSON.parse(readFileSync(process.argv[2], "utf8"));
const result = { logins: [], errors: [] };

function redact(el) {
  return el.toString().replace(/<initial-response>[^<]*<\/initial-response>/, "<initial-response>(redacted)</initial-response>");
}

async function login(password) {
  const sent = [];
  const received = [];
  const xmpp = client({
    service: `xmpp://${cfg.host}:${cfg.port}`,
    domain: cfg.domain,
    username: cfg.username,
    password,
    resource: cfg.tag,
    userAgent: xml("user-agent", { id: cfg.agent }, xml("software", {}, "xmpp.js 0.14.0"), xml("device", {}, "bm-xmpp e2e")),
  });
  xmpp.reconnect.stop();
  xmpp.on("error", () => {});
  xmpp.on("send", (el) => sent.push(redact(el)));
  xmpp.on("element", (el) => received.push(el.toString()));
  const seen = { sent, received };
  try {
    const address = await xmpp.start();
    seen.jid = address.toString();
    seen.sm_enabled = xmpp.streamManagement.enabled;
    seen.sm_id = xmpp.streamManagement.id || null;
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
  result.logins.push(await login(cfg.password));
  result.logins.push(await login(cfg.password));
  result.wrong = await login(cfg.wrongPassword);
} catch (e) {
  result.errors.push(String(e && e.stack || e));
}
console.log("BMX-RESULT " + JSON.stringify(result));
process.exit(0);
