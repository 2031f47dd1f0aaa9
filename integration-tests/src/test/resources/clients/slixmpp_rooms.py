"""Group chat as a real client sees it: slixmpp's own XEP-0045 and XEP-0313 plugins against the server under test.

    python3 slixmpp_rooms.py <config.json> <result.json>

config: {"host", "port", "domain", "ca_file", "run", "debug_log" (optional),
         "users": [[local part, password] x 4]} (the four play ann, ben, cid and out, in that order).

Every step records what the client saw (or the error it got) in result.json; the Java test (SlixmppRoomsE2eIT)
asserts on it. The script itself asserts nothing and always writes the file, so a failure names its step.
slixmpp 1.8.3's join_muc_wait prints every groupchat message's <delay/> on stdout: the result goes to a file.
"""
import asyncio
import json
import logging
import sys
import traceback
from pathlib import Path

import slixmpp
from slixmpp.exceptions import IqError, PresenceError
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import MatchXPath

PLUGINS = ['xep_0030', 'xep_0004', 'xep_0045', 'xep_0059', 'xep_0203', 'xep_0297', 'xep_0313', 'xep_0359']
STEP_TIMEOUT = 15


class Client(slixmpp.ClientXMPP):
    def __init__(self, jid, password, ca_file):
        super().__init__(jid, password)
        for p in PLUGINS:
            self.register_plugin(p)
        # the server's self-signed certificate of the domain, as a user who imported it: verified, host name too
        self.ca_certs = Path(ca_file)
        self.groupchat = asyncio.Queue()
        self.started = asyncio.get_event_loop().create_future()
        self.add_event_handler('session_start', self._started)
        self.add_event_handler('failed_auth', lambda _: self._fail('failed_auth'))
        self.add_event_handler('connection_failed', lambda e: self._fail('connection_failed: %s' % e))
        self.add_event_handler('ssl_invalid_chain', lambda e: self._fail('ssl_invalid_chain: %s' % e))
        self.add_event_handler('groupchat_message', self.groupchat.put_nowait)
        # MAM results carry no <body> of their own, so slixmpp's 'message' event never fires for them
        self.register_handler(Callback('MAM results', MatchXPath('{jabber:client}message/{urn:xmpp:mam:2}result'),
                                       self._mam_result))
        self.mam_results = {}

    def _started(self, _):
        self.send_presence()
        if not self.started.done():
            self.started.set_result(True)

    def _fail(self, why):
        if not self.started.done():
            self.started.set_exception(RuntimeError(why))

    def _mam_result(self, msg):
        qid = msg['mam_result']['queryid']
        if qid:
            self.mam_results.setdefault(qid, []).append(msg)


def described(msg):
    """What a user sees of a room message: body, sender (room/nick), delay, the room's stanza-id."""
    delay = msg.get_plugin('delay', check=True)
    sid = msg.get_plugin('stanza_id', check=True)
    return {
        'body': msg['body'],
        'from': str(msg['from']),
        'delay_from': str(delay['from']) if delay is not None else None,
        'delay_stamp': delay.xml.get('stamp') if delay is not None else None,
        'stanza_id': sid['id'] if sid is not None else None,
        'stanza_id_by': str(sid['by']) if sid is not None else None,
    }


def forwarded(result_msg):
    inner = result_msg['mam_result']['forwarded']['stanza']
    d = described(inner)
    d['archive_id'] = result_msg['mam_result']['id']
    d['result_from'] = str(result_msg['from'])
    fdelay = result_msg['mam_result']['forwarded'].xml.find('{urn:xmpp:delay}delay')
    d['forwarded_stamp'] = fdelay.get('stamp') if fdelay is not None else None
    return d


def error_of(e):
    if isinstance(e, (IqError, PresenceError)):
        return e.condition
    return '%s: %s' % (type(e).__name__, e)


async def until_body(client, body):
    while True:
        m = await client.groupchat.get()
        if m['body'] == body and m.get_plugin('delay', check=True) is None:
            return m


async def join(client, room, nick, **history):
    """join_muc_wait, as slixmpp's users join: returns the status codes of the self-presence and the history."""
    pres, subject, occupants, hist = await client['xep_0045'].join_muc_wait(room, nick, timeout=STEP_TIMEOUT, **history)
    return sorted(pres['muc']['status_codes']), hist


async def create(client, room, nick):
    """Enters a new room and, seeing status 201 (created, locked), makes it instant with an empty submitted form, as
    clients do. join_muc_wait is not used here: it also waits for the subject, which a locked room need not send."""
    muc = client['xep_0045']
    entered = asyncio.get_event_loop().create_future()

    def done(pres):
        if not entered.done():
            entered.set_result(pres)
    with client.event_handler('muc::%s::self-presence' % room, done), \
            client.event_handler('muc::%s::presence-error' % room, done):
        presence = client.make_presence(pto='%s/%s' % (room, nick))
        presence.enable('muc_join')
        muc.rooms[room] = {}
        muc.our_nicks[room] = nick
        presence.send()
        pres = await asyncio.wait_for(entered, STEP_TIMEOUT)
    if pres['type'] == 'error':
        raise PresenceError(pres)
    codes = sorted(pres['muc']['status_codes'])
    if 201 in codes:
        await muc.set_room_config(room, client['xep_0004'].make_form(ftype='submit'), timeout=STEP_TIMEOUT)
    return codes


async def fulltext(client, room, word):
    """A MAM query with XEP-0431's full-text field: slixmpp's MAM stanza takes any extra form field."""
    iq = client.make_iq_set(ito=room)
    iq['mam']['queryid'] = iq['id']
    iq['mam'].set_custom_field('{urn:xmpp:fulltext:0}fulltext', word)
    await iq.send(timeout=STEP_TIMEOUT)
    return [forwarded(m) for m in client.mam_results.pop(iq['id'], [])]


async def scenario(cfg, out):
    domain, run = cfg['domain'], cfg['run']
    clients = {}

    async def step(name, coro):
        try:
            out[name] = await asyncio.wait_for(coro, STEP_TIMEOUT * 2)
        except Exception as e:  # recorded: the Java test says which step failed and how
            out.setdefault('errors', {})[name] = error_of(e)
            out.setdefault('tracebacks', {})[name] = traceback.format_exc()

    async def login(name, local, password):
        # stock Tigase 8.4.0 breaks a few percent of STARTTLS negotiations (see scripts/diagnose): like the Smack
        # clients of the suite, connect once more when the connection or TLS failed, never after a refused login
        for attempt in (1, 2):
            c = Client('%s@%s/slixmpp' % (local, domain), password, cfg['ca_file'])
            c.connect(address=(cfg['host'], cfg['port']), force_starttls=True)
            try:
                await asyncio.wait_for(c.started, STEP_TIMEOUT)
            except (RuntimeError, asyncio.TimeoutError) as e:
                c.disconnect()
                if attempt == 2 or 'failed_auth' in str(e):
                    raise
                out.setdefault('login_retries', {})[name] = error_of(e)
                continue
            clients[name] = c
            return {'bound': str(c.boundjid)}

    roles = ['ann', 'ben', 'cid', 'out']
    for name, (local, password) in zip(roles, cfg['users']):
        await step('login_' + name, login(name, local, password))
    if len(clients) < len(roles):
        return
    ann, ben, cid, out_user = (clients[n] for n in roles)
    ann_nick, ben_nick = 'ann', 'ben'

    # --- an open room: two users talk, a third joins later and gets the history, then pages it by MAM
    talk = 'talk-%s@conference.%s' % (run, domain)
    word = 'quince' + run
    said = ['ann one ' + word, 'ben one', 'ann two', 'ben two', 'ann three']

    async def talk_in_room():
        created = await create(ann, talk, ann_nick)
        joined, _ = await join(ben, talk, ben_nick)
        live = []
        for text in said:
            sender = ann if text.startswith('ann') else ben
            sender.send_message(mto=talk, mbody=text, mtype='groupchat')
            live.append(described(await asyncio.wait_for(until_body(ben, text), STEP_TIMEOUT)))
            await asyncio.sleep(0.01)
        return {'room': talk, 'ann_status_codes': created, 'ben_status_codes': joined, 'live_at_ben': live,
                'ann_occupants': sorted(ann['xep_0045'].get_roster(talk))}
    await step('talk', talk_in_room())
    await asyncio.sleep(1.5)  # the archive flushes every 200 ms in the e2e stack

    async def late_join():
        codes, hist = await join(cid, talk, 'cid')
        return {'status_codes': codes, 'history': [described(m) for m in hist],
                'occupants': sorted(cid['xep_0045'].get_roster(talk))}
    await step('late_join', late_join())

    async def late_join_max2():
        _, hist = await join(out_user, talk, 'out', maxstanzas=2)
        return [described(m) for m in hist]
    await step('late_join_maxstanzas_2', late_join_max2())

    async def mam_pages():
        pages = []
        it = cid['xep_0313'].retrieve(jid=slixmpp.JID(talk), iterator=True, rsm={'max': 2})
        async for page in it:
            fin = page['mam_fin']
            pages.append({'messages': [forwarded(m) for m in fin['results']], 'complete': fin.xml.get('complete'),
                          'first': fin['rsm']['first'], 'last': fin['rsm']['last'], 'count': fin['rsm']['count']})
            if len(pages) > 10:
                break
        return pages
    await step('mam_pages', mam_pages())

    async def mam_after():
        first_id = out['talk']['live_at_ben'][0]['stanza_id']
        iq = await cid['xep_0313'].retrieve(jid=slixmpp.JID(talk), rsm={'after': first_id, 'max': 10},
                                            timeout=STEP_TIMEOUT)
        return [forwarded(m) for m in iq['mam']['results']]
    if 'talk' in out:
        await step('mam_after_first_live_id', mam_after())

    await step('mam_fulltext', fulltext(cid, talk, word))

    # --- a members-only room: a member reads it, an outsider can neither join nor read it
    board = 'board-%s@conference.%s' % (run, domain)
    secret = 'medlar' + run

    async def board_room():
        codes = await create(ann, board, ann_nick)
        form = await ann['xep_0045'].get_room_config(board, timeout=STEP_TIMEOUT)
        fields = form.get_fields()
        form.set_values({'muc#roomconfig_membersonly': True})
        await ann['xep_0045'].set_room_config(board, form, timeout=STEP_TIMEOUT)
        await ann['xep_0045'].set_affiliation(board, 'member', jid=cid.boundjid.bare, timeout=STEP_TIMEOUT)
        ann.send_message(mto=board, mbody='board only ' + secret, mtype='groupchat')
        await asyncio.wait_for(until_body(ann, 'board only ' + secret), STEP_TIMEOUT)
        after = await ann['xep_0045'].get_room_config(board, timeout=STEP_TIMEOUT)
        return {'status_codes': codes, 'form_fields': len(fields),
                'membersonly_after': after.get_fields()['muc#roomconfig_membersonly']['value']}
    await step('board', board_room())
    await asyncio.sleep(1.5)

    async def member_reads():
        iq = await cid['xep_0313'].retrieve(jid=slixmpp.JID(board), timeout=STEP_TIMEOUT)
        return [forwarded(m) for m in iq['mam']['results']]
    await step('board_member_mam', member_reads())

    async def outsider_reads():
        try:
            await out_user['xep_0313'].retrieve(jid=slixmpp.JID(board), timeout=STEP_TIMEOUT)
            return 'answered'
        except IqError as e:
            return e.condition
    await step('board_outsider_mam', outsider_reads())

    async def outsider_joins():
        try:
            await join(out_user, board, 'out')
            return 'joined'
        except PresenceError as e:
            return e.condition
    await step('board_outsider_join', outsider_joins())

    out['connected_at_end'] = {n: c.is_connected() for n, c in clients.items()}
    for c in clients.values():
        c.disconnect()


def main():
    cfg = json.loads(Path(sys.argv[1]).read_text())
    result_file = Path(sys.argv[2])
    logging.basicConfig(level=logging.DEBUG if cfg.get('debug_log') else logging.WARNING,
                        filename=cfg.get('debug_log'), format='%(asctime)s %(levelname)s %(name)s %(message)s')
    out = {'slixmpp': slixmpp.__version__}
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(asyncio.wait_for(scenario(cfg, out), 240))
    except Exception as e:
        out.setdefault('errors', {})['scenario'] = error_of(e)
        out.setdefault('tracebacks', {})['scenario'] = traceback.format_exc()
    finally:
        result_file.write_text(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
