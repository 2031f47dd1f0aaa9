"""The first minute of a user of scripts/run.sh's server, as a real client (Debian's slixmpp) lives it.

    /usr/bin/python3 runsh_client.py HOST PORT DOMAIN CA_FILE RUN_ID USER1 PW1 USER2 PW2

CA_FILE: the certificate the server presents, trusted as is (what "accept the exception" does in Gajim or
Thunderbird; slixmpp then checks it and the domain name). Steps, each printed 'ok <step>' or 'FAILED <step>: why':
both users log in; USER1 sends a chat message to USER2 and USER2 answers; USER1 creates a room on
conference.DOMAIN (an instant room), USER2 joins it and gets USER1's message; USER1 uploads a file through
upload.DOMAIN (XEP-0363) and the file is downloaded back with the same bytes (SKIPPED when the domain announces no
upload service). Exit 0 when every step passed.
"""
import asyncio
import os
import ssl
import sys
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import slixmpp
from slixmpp.exceptions import PresenceError

STEP_TIMEOUT = 20
UPLOAD_NS = 'urn:xmpp:http:upload:0'


class Skipped(Exception):
    """A step the server cannot take part in (no upload service announced): said, not counted as a failure."""


class Client(slixmpp.ClientXMPP):
    def __init__(self, jid, password, ca_file):
        super().__init__(jid, password)
        for p in ('xep_0030', 'xep_0004', 'xep_0045'):
            self.register_plugin(p)
        self.ca_certs = Path(ca_file)
        self.chats = asyncio.Queue()
        self.groupchat = asyncio.Queue()
        self.started = asyncio.get_event_loop().create_future()
        self.add_event_handler('session_start', self._started)
        self.add_event_handler('failed_auth', lambda _: self._fail('login refused (failed_auth)'))
        self.add_event_handler('connection_failed', lambda e: self._fail('connection_failed: %s' % e))
        self.add_event_handler('ssl_invalid_chain', lambda e: self._fail('certificate not accepted: %s' % e))
        self.add_event_handler('message', lambda m: m['type'] in ('chat', 'normal') and self.chats.put_nowait(m))
        self.add_event_handler('groupchat_message', self.groupchat.put_nowait)

    def _started(self, _):
        self.send_presence()
        if not self.started.done():
            self.started.set_result(True)

    def _fail(self, why):
        if not self.started.done():
            self.started.set_exception(RuntimeError(why))


async def login(jid, password, ca_file, host, port):
    # stock Tigase 8.4.0 breaks a few percent of STARTTLS negotiations (scripts/diagnose): connect once more when the
    # connection or TLS failed, as the e2e clients do, never after a refused login
    for attempt in (1, 2):
        c = Client(jid, password, ca_file)
        c.connect(address=(host, port), force_starttls=True)
        try:
            await asyncio.wait_for(c.started, STEP_TIMEOUT)
            return c
        except (RuntimeError, asyncio.TimeoutError) as e:
            c.disconnect()
            if attempt == 2 or 'refused' in str(e):
                raise


async def body_from(queue, body):
    while True:
        m = await queue.get()
        if m['body'] == body:
            return m


async def create_room(client, room, nick):
    """Enter a new room; on status 201 (created, locked) make it instant with an empty submitted form."""
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


async def find_upload_service(client, domain):
    """disco#items of the domain, then the item with identity store/file and XEP-0363 (Debian's slixmpp 1.8.3
    find_upload_service fails on Python 3.11)."""
    items = await client['xep_0030'].get_items(jid=domain, timeout=STEP_TIMEOUT)
    for item in items['disco_items']['items']:
        info = await client['xep_0030'].get_info(jid=item[0], timeout=STEP_TIMEOUT)
        identities = [(i[0], i[1]) for i in info['disco_info']['identities']]
        if ('store', 'file') in identities and 'urn:xmpp:http:upload:0' in info['disco_info']['features']:
            return str(info['from'])
    raise Skipped('no upload service in the disco#items of %s: %s (Tigase could not start it? see its log)'
                       % (domain, [str(i[0]) for i in items['disco_items']['items']]))


async def scenario(host, port, domain, ca_file, run, u1, p1, u2, p2):
    failures = []

    async def step(name, coro):
        try:
            detail = await asyncio.wait_for(coro, STEP_TIMEOUT * 2)
            print('ok %s%s' % (name, (': %s' % detail) if detail else ''), flush=True)
            return True
        except Skipped as e:
            print('SKIPPED %s: %s' % (name, e), flush=True)
            return True
        except Exception as e:  # noqa: BLE001 - the reason is the output
            print('FAILED %s: %s: %s' % (name, type(e).__name__, e), flush=True)
            failures.append(name)
            return False

    clients = {}

    async def log_in(name, local, password):
        clients[name] = await login('%s@%s/runsh-test' % (local, domain), password, ca_file, host, port)
        return 'bound %s, certificate of %s accepted' % (clients[name].boundjid, domain)
    if not (await step('login ' + u1, log_in('one', u1, p1)) and await step('login ' + u2, log_in('two', u2, p2))):
        return failures
    one, two = clients['one'], clients['two']

    async def chat():
        hello, answer = 'hello from run.sh test ' + run, 'answer ' + run
        one.send_message(mto='%s@%s' % (u2, domain), mbody=hello, mtype='chat')
        got = await asyncio.wait_for(body_from(two.chats, hello), STEP_TIMEOUT)
        two.send_message(mto=got['from'].bare, mbody=answer, mtype='chat')
        back = await asyncio.wait_for(body_from(one.chats, answer), STEP_TIMEOUT)
        return '%s -> %s -> %s' % (got['from'].bare, got['to'].bare, back['to'].bare)
    await step('chat', chat())

    async def room():
        jid = 'runsh-%s@conference.%s' % (run, domain)
        codes = await create_room(one, jid, u1)
        await two['xep_0045'].join_muc_wait(jid, u2, timeout=STEP_TIMEOUT, maxstanzas=0)
        text = 'in the room ' + run
        one.send_message(mto=jid, mbody=text, mtype='groupchat')
        await asyncio.wait_for(body_from(two.groupchat, text), STEP_TIMEOUT)
        return '%s created (status %s), %s joined and read %s' % (jid, codes, u2, u1)
    await step('room', room())

    async def upload():
        # the slot request and the HTTP PUT/GET by hand: slixmpp's xep_0363 plugin needs aiohttp, not installed here
        service = await find_upload_service(one, domain)
        data = os.urandom(4096)
        name = 'runsh-%s.bin' % run
        iq = one.make_iq_get(ito=service)
        request = ET.SubElement(iq.xml, '{%s}request' % UPLOAD_NS)
        request.set('filename', name)
        request.set('size', str(len(data)))
        request.set('content-type', 'application/octet-stream')
        slot = (await iq.send(timeout=STEP_TIMEOUT)).xml.find('{%s}slot' % UPLOAD_NS)
        put, get = slot.find('{%s}put' % UPLOAD_NS), slot.find('{%s}get' % UPLOAD_NS)
        headers = {h.get('name'): h.text or '' for h in put.findall('{%s}header' % UPLOAD_NS)}
        headers['Content-Type'] = 'application/octet-stream'

        def http():
            req = urllib.request.Request(put.get('url'), data=data, method='PUT', headers=headers)
            status = urllib.request.urlopen(req, timeout=STEP_TIMEOUT).status
            return status, urllib.request.urlopen(get.get('url'), timeout=STEP_TIMEOUT).read()
        status, got = await asyncio.get_event_loop().run_in_executor(None, http)
        if got != data:
            raise RuntimeError('downloaded %d bytes, not the %d uploaded' % (len(got), len(data)))
        return 'slot from %s, PUT %s, GET %s: the same %d bytes' % (service, status, get.get('url'), len(got))
    await step('file upload', upload())

    for c in clients.values():
        c.disconnect()
    await asyncio.sleep(0.5)
    return failures


def main():
    host, port, domain, ca_file, run, u1, p1, u2, p2 = sys.argv[1:10]
    loop = asyncio.get_event_loop()
    failures = loop.run_until_complete(scenario(host, int(port), domain, ca_file, run, u1, p1, u2, p2))
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
