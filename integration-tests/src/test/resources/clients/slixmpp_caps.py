"""The server's entity capabilities as slixmpp's XEP-0115 plugin sees them.

    python3 slixmpp_caps.py <config.json> <result.json>

config: {"host", "port", "domain", "ca_file", "user", "password", "debug_log" (optional)}.

slixmpp reads the <c/> of the stream features after login, asks disco#info at node#ver and keeps the ver for the
domain only when its own check (no repeated identity, feature or form type; the sha-1 of the XEP-0115 string
equal to the ver) accepts it. result.json records whether the feature was there, the ver slixmpp accepted for the
domain (null when it refused or never checked) and slixmpp's debug lines about caps; the Java test
(StreamFeaturesE2eIT) asserts on it.
"""
import asyncio
import json
import logging
import sys
import traceback
from pathlib import Path

import slixmpp

STEP_TIMEOUT = 15


class CapsLines(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        if 'xep_0115' in record.name:
            self.lines.append(record.getMessage())


async def scenario(cfg, out):
    c = slixmpp.ClientXMPP(cfg['user'] + '/slixmpp-caps', cfg['password'])
    for p in ('xep_0030', 'xep_0004', 'xep_0128', 'xep_0115'):
        c.register_plugin(p)
    c.ca_certs = Path(cfg['ca_file'])
    started = asyncio.get_event_loop().create_future()
    c.add_event_handler('session_start', lambda _: started.done() or started.set_result(True))
    c.add_event_handler('failed_auth', lambda _: started.done() or started.set_exception(RuntimeError('failed_auth')))
    c.add_event_handler('connection_failed',
                        lambda e: started.done() or started.set_exception(RuntimeError('connection_failed: %s' % e)))
    c.connect(address=(cfg['host'], cfg['port']), force_starttls=True)
    try:
        await asyncio.wait_for(started, STEP_TIMEOUT)
        domain = cfg['domain']
        ver = None
        for _ in range(300):  # slixmpp checks the caps in the background after the features (up to 30 s, CI load)
            ver = await c['xep_0115'].get_verstring(domain)
            if ver:
                break
            await asyncio.sleep(0.1)
        out['caps_feature'] = 'caps' in c.features
        out['verstring'] = ver
        if ver:
            info = await c['xep_0115'].get_caps(verstring=ver)
            out['cached_features'] = sorted(info['features']) if info is not None else None
    finally:
        c.disconnect()
        await asyncio.sleep(0.5)


def main():
    cfg = json.loads(Path(sys.argv[1]).read_text())
    result_file = Path(sys.argv[2])
    out = {'slixmpp': slixmpp.__version__}
    caps_lines = CapsLines()
    logging.getLogger().setLevel(logging.DEBUG)
    logging.getLogger().addHandler(caps_lines)
    if cfg.get('debug_log'):
        logging.getLogger().addHandler(logging.FileHandler(cfg['debug_log']))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(asyncio.wait_for(scenario(cfg, out), 60))
    except Exception as e:  # recorded for the Java test
        out['errors'] = repr(e)
        out['tracebacks'] = traceback.format_exc()
    out['caps_log'] = caps_lines.lines
    result_file.write_text(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
