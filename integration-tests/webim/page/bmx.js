// The test page's glue: starts Converse.js with the BlueMind session token as the XMPP password, over the
// transport the driver asks for, and offers a full-text search of the archive (XEP-0313 MAM with the
// {urn:xmpp:fulltext:0}fulltext field): Converse.js's UI has none, so the query is a raw IQ on its connection.
// window.BMX = { transport: 'ws'|'bosh', url, jid, token } is set by the driver (BlueMind's web app would
// embed the session token of the logged-in user).
(function () {
  const cfg = window.BMX || {};
  const state = (window.bmxState = { connected: false, disconnected: false, events: [] });
  const status = (text, failed) => {
    const s = document.getElementById('bmx-status');
    s.textContent = text;
    s.className = failed ? 'failed' : '';
  };
  document.getElementById('bmx-transport').textContent =
    cfg.transport === 'bosh' ? 'over BOSH ' + cfg.url : 'over WebSocket ' + cfg.url;

  converse.plugins.add('bmx-probe', {
    initialize() {
      const _converse = this._converse;
      const api = _converse.api;
      window.bmx = { api, converse: _converse };
      api.listen.on('connected', () => { state.connected = true; state.events.push('connected'); status('connected as ' + cfg.jid); });
      api.listen.on('disconnected', () => {
        state.disconnected = true;
        state.events.push('disconnected');
        const fb = _converse.state.connfeedback;
        status('not connected: ' + ((fb && fb.get('message')) || 'the chat server refused the connection'), true);
      });
      api.listen.on('rosterContactsFetched', () => state.events.push('roster'));
      // what Strophe is doing while not connected (Strophe.Status: 1 connecting, 3 authenticating, 4 auth failed)
      const shown = { 1: 'connecting...', 3: 'authenticating...' };
      // a BOSH request the browser blocks (CORS) looks like a server that never answers: Strophe keeps retrying,
      // so the page gives up by itself and says so
      const started = Date.now();
      const timer = setInterval(() => {
        const fb = _converse.state && _converse.state.connfeedback;
        const st = fb && fb.get('connection_status');
        if (state.connected || state.disconnected) return clearInterval(timer);
        if (Date.now() - started > 12000) {
          state.gaveUp = true;
          status('not connected: no answer from the chat server (is this page allowed to use it?)', true);
          return clearInterval(timer);
        }
        if (shown[st]) status(shown[st]);
      }, 300);
    },
  });

  /** MAM full-text query at the user's own archive; resolves with the bodies found. */
  window.bmxSearch = function (words) {
    const { $iq, Strophe } = converse.env;
    const conn = window.bmx.api.connection.get();
    const queryid = 'bmx-' + Math.random().toString(36).slice(2);
    const found = [];
    const handler = conn.addHandler((m) => {
      const result = m.getElementsByTagNameNS('urn:xmpp:mam:2', 'result')[0];
      if (result && result.getAttribute('queryid') === queryid) {
        const inner = result.getElementsByTagName('message')[0];
        const body = inner && inner.getElementsByTagName('body')[0];
        found.push({ id: result.getAttribute('id'), from: inner && inner.getAttribute('from'), body: body ? body.textContent : '' });
      }
      return true;
    }, 'urn:xmpp:mam:2', 'message');
    const iq = $iq({ type: 'set' }).c('query', { xmlns: 'urn:xmpp:mam:2', queryid })
      .c('x', { xmlns: 'jabber:x:data', type: 'submit' })
      .c('field', { var: 'FORM_TYPE', type: 'hidden' }).c('value').t('urn:xmpp:mam:2').up().up()
      .c('field', { var: '{urn:xmpp:fulltext:0}fulltext' }).c('value').t(words);
    return window.bmx.api.sendIQ(iq).then(() => { conn.deleteHandler(handler); return found; },
      (e) => { conn.deleteHandler(handler); throw new Error('MAM search refused: ' + (e && e.outerHTML || e)); });
  };

  document.getElementById('bmx-search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const words = document.getElementById('bmx-search').value;
    const list = document.getElementById('bmx-results');
    list.textContent = '';
    window.bmxSearch(words).then((found) => {
      window.bmxState.search = found;
      if (!found.length) list.innerHTML = '<li>no message with "' + words + '"</li>';
      for (const f of found) {
        const li = document.createElement('li');
        li.textContent = (f.from || '').split('/')[0] + ': ' + f.body;
        list.appendChild(li);
      }
    }, (e) => { window.bmxState.search = { error: String(e) }; list.innerHTML = '<li>' + e + '</li>'; });
  });

  const settings = {
    assets_path: '/converse/',
    authentication: 'login',
    auto_login: true,
    auto_reconnect: false,
    jid: cfg.jid,
    password: cfg.token,
    discover_connection_methods: false,
    view_mode: 'fullscreen',
    whitelisted_plugins: ['bmx-probe'],
    play_sounds: false,
    allow_non_roster_messaging: true,
    i18n: 'en',
    loglevel: 'info',
  };
  if (cfg.transport === 'bosh') settings.bosh_service_url = cfg.url;
  else settings.websocket_url = cfg.url;
  converse.initialize(settings);
})();
