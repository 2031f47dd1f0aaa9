"""Roster versioning as slixmpp keeps it: the roster and its 'ver', across logins of one process.

    python3 slixmpp_roster.py <config.json> <result.json>

config: {"host", "port", "domain", "ca_file", "user", "password", "contact_x", "contact_y", "debug_log" (optional)}.

A 'phone' resource gets its roster (slixmpp sends ver='' the first time and the ver it last stored afterwards), a
'desk' resource of the same account changes it; the phone is away for some changes and logs in again twice.
result.json records the versions the phone stored at each step, what it holds, and whether each answer to its
roster get held the roster; the Java test (RosterVersioningE2eIT) asserts on it.
"""
import asyncio
import json
import logging
import sys
import traceback
from pathlib import Path

import slixmpp

STEP_TIMEOUT = 15


def client(cfg, resource):
    c = slixmpp.ClientXMPP(cfg['user'] + '/' + resource, cfg['password'])
    c.ca_certs = Path(cfg['ca_file'])
    c.state_future = None

    def started(_):
        if c.state_future is not None and not c.state_future.done():
            c.state_future.set_result(True)

    def failed(e):
        if c.state_future is not None and not c.state_future.done():
            c.state_future.set_exception(RuntimeError('login failed: %s' % e))

    # ids of the roster results that held a <query/>, seen before slixmpp's handlers (reading iq['roster'] creates one)
    c.results_with_query = set()

    def seen(stanza):
        if stanza.name == 'iq' and stanza.xml.get('type') == 'result' \
                and stanza.xml.find('{jabber:iq:roster}query') is not None:
            c.results_with_query.add(stanza.xml.get('id'))
        return stanza

    c.add_filter('in', seen)
    c.add_event_handler('session_start', started)
    c.add_event_handler('failed_auth', failed)
    c.add_event_handler('connection_failed', failed)
    return c


async def login(c, cfg):
    c.state_future = asyncio.get_event_loop().create_future()
    c.connect(address=(cfg['host'], cfg['port']), force_starttls=True)
    await asyncio.wait_for(c.state_future, STEP_TIMEOUT)


async def logout(c):
    gone = asyncio.get_event_loop().create_future()
    c.add_event_handler('disconnected', lambda _: gone.done() or gone.set_result(True), disposable=True)
    c.disconnect()
    await asyncio.wait_for(gone, STEP_TIMEOUT)


async def until(check, what):
    for _ in range(100):
        if check():
            return
        await asyncio.sleep(0.1)
    raise RuntimeError('not within 10 s: ' + what)


def has(c, jid):
    return any(str(k) == jid for k in c.client_roster)


def held(c):
    r = c.client_roster
    return {str(j): {'name': r[j]['name'], 'groups': sorted(r[j]['groups'])} for j in r}


def answer_had_query(c, resp):
    return resp['id'] in c.results_with_query


async def scenario(cfg, out):
    x, y = cfg['contact_x'], cfg['contact_y']
    phone = client(cfg, 'slixmpp-phone')
    desk = client(cfg, 'slixmpp-desk')
    await login(phone, cfg)
    out['rosterver_feature'] = 'rosterver' in phone.features
    resp = await phone.get_roster()
    out['v0'] = phone.client_roster.version
    out['first_answer_query'] = answer_had_query(phone, resp)
    await login(desk, cfg)
    await desk.get_roster()

    await desk.update_roster(x, name='X', groups=['Friends'])
    await until(lambda: has(phone, x) and phone.client_roster.version != out['v0'], 'push of X to the phone')
    out['v1'] = phone.client_roster.version

    await logout(phone)
    await desk.update_roster(x, name='X renamed', groups=['Family'])
    await desk.update_roster(y, name='Y')
    await until(lambda: has(desk, y) and desk.client_roster[x]['name'] == 'X renamed', 'pushes to the desk')
    await asyncio.sleep(1)
    out['desk_v'] = desk.client_roster.version

    await login(phone, cfg)
    resp = await phone.get_roster()
    out['second_answer_query'] = answer_had_query(phone, resp)
    await asyncio.sleep(1)  # pushes, had the server answered with an empty result
    out['v2'] = phone.client_roster.version
    out['phone_roster'] = held(phone)

    await logout(phone)
    await login(phone, cfg)
    resp = await phone.get_roster()
    out['third_answer_query'] = answer_had_query(phone, resp)
    await asyncio.sleep(1)
    out['v3'] = phone.client_roster.version
    out['phone_roster_3'] = held(phone)
    await logout(phone)
    await logout(desk)


def main():
    cfg = json.loads(Path(sys.argv[1]).read_text())
    result_file = Path(sys.argv[2])
    out = {'slixmpp': slixmpp.__version__}
    if cfg.get('debug_log'):
        logging.getLogger().setLevel(logging.DEBUG)
        logging.getLogger().addHandler(logging.FileHandler(cfg['debug_log']))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(asyncio.wait_for(scenario(cfg, out), 120))
    except Exception as e:  # recorded for the Java test
        out['errors'] = repr(e)
        out['tracebacks'] = traceback.format_exc()
    result_file.write_text(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
