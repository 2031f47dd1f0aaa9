#!/usr/bin/python3
"""A second user, driven by hand, for checking a GUI client (Thunderbird, Gajim...) against scripts/run.sh's server.

    /usr/bin/python3 scripts/diagnose/xmpp-peer.py JID PASSWORD [HOST [PORT]] < commands

Logs in over STARTTLS (the server's certificate is NOT checked: a diagnostic peer on loopback), accepts every
subscription request and subscribes back (what a colleague clicking "accept" does), then reads commands, one a line,
from stdin (a FIFO works: mkfifo /tmp/peer.in; ... < /tmp/peer.in, then echo 'join r@conference.x' > /tmp/peer.in):

    join ROOM@SERVICE [NICK]     enter a room (NICK defaults to the local part)
    say ROOM@SERVICE TEXT        groupchat message
    msg JID TEXT                 chat message
    subscribe JID                ask for JID's presence
    roster                       print the roster as the server holds it (names included)
    quit

Everything received is printed, one line each with a timestamp: messages (body as a Python literal: Thunderbird's OTR
whitespace tag shows), presences (room presences with the namespaces of their <x> children in order, and MUC status
codes), roster pushes (jid, name, subscription). Needs Debian's python3-slixmpp (hence /usr/bin/python3).
Used for issue 24: Thunderbird 153 creates a room, this peer (bob) joins it and they talk; bob's automatic
'subscribed' makes Tigase create the roster item, whose name the push shows.
"""
import asyncio
import ssl
import sys
import time

import slixmpp

MUC_USER = 'http://jabber.org/protocol/muc#user'


def log(*parts):
    print(time.strftime('%H:%M:%S'), *parts, flush=True)


class Peer(slixmpp.ClientXMPP):
    def __init__(self, jid, password):
        super().__init__(jid, password)
        for p in ('xep_0030', 'xep_0004', 'xep_0045', 'xep_0199'):
            self.register_plugin(p)
        self.ssl_context.check_hostname = False
        self.ssl_context.verify_mode = ssl.CERT_NONE
        self.auto_authorize = True
        self.auto_subscribe = True
        self.add_event_handler('session_start', self.started)
        self.add_event_handler('failed_auth', lambda _: log('LOGIN REFUSED'))
        self.add_event_handler('message', self.on_message)   # chat and groupchat alike
        # slixmpp's MUC plugin stops the generic 'presence' event for a room's JID (roster ignore_updates) once it has
        # seen one of its presences: room presences are logged from its own event
        self.add_event_handler('presence', lambda p: p.xml.find('{%s}x' % MUC_USER) is None and self.on_presence(p))
        self.add_event_handler('groupchat_presence', self.on_presence)
        self.add_event_handler('roster_update', self.on_roster)
        self.ready = asyncio.get_event_loop().create_future()

    async def started(self, _):
        await self.get_roster()
        self.send_presence()
        log('logged in as', self.boundjid)
        self.ready.set_result(True)

    def on_message(self, m):
        if m['body']:
            log('MESSAGE', m['type'], 'from', m['from'], ':', repr(m['body']))

    def on_presence(self, p):
        xs = [x.tag.split('}')[0].lstrip('{') for x in p.xml if x.tag.endswith('}x')]
        extra = ''
        if MUC_USER in xs:
            extra = ' muc status %s, <x> order %s' % (sorted(p['muc']['status_codes']), xs)
        err = (' error %s' % p['error']['condition']) if p['type'] == 'error' else ''
        log('PRESENCE', p['type'] or 'available', 'from', p['from'], err + extra)

    def on_roster(self, iq):
        for jid, item in iq['roster']['items'].items():
            log('ROSTER PUSH', jid, 'name=%r' % item['name'], 'subscription=%s' % item['subscription'])


async def commands(peer):
    loop = asyncio.get_event_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            await asyncio.sleep(1)   # FIFO without a writer: wait for the next one
            continue
        cmd, _, rest = line.strip().partition(' ')
        try:
            if cmd == 'join':
                room, _, nick = rest.partition(' ')
                peer['xep_0045'].join_muc(room, nick or peer.boundjid.user)
                log('joining', room)
            elif cmd == 'say':
                room, _, text = rest.partition(' ')
                peer.send_message(mto=room, mbody=text, mtype='groupchat')
            elif cmd == 'msg':
                to, _, text = rest.partition(' ')
                peer.send_message(mto=to, mbody=text, mtype='chat')
            elif cmd == 'subscribe':
                peer.send_presence(pto=rest, ptype='subscribe')
            elif cmd == 'roster':
                roster = await peer.get_roster()
                for jid, item in roster['roster']['items'].items():
                    log('ROSTER', jid, 'name=%r' % item['name'], 'subscription=%s' % item['subscription'])
            elif cmd == 'quit':
                peer.disconnect()
                await asyncio.sleep(0.5)
                return
            elif cmd:
                log('unknown command', cmd)
        except Exception as e:  # noqa: BLE001 - a diagnostic: say it and go on
            log('command failed:', line.strip(), type(e).__name__, e)


def main():
    jid, password = sys.argv[1:3]
    host = sys.argv[3] if len(sys.argv) > 3 else '127.0.0.1'
    port = int(sys.argv[4]) if len(sys.argv) > 4 else 5222
    peer = Peer(jid, password)
    peer.connect(address=(host, port), force_starttls=True)
    loop = asyncio.get_event_loop()
    loop.run_until_complete(asyncio.wait_for(peer.ready, 30))
    loop.run_until_complete(commands(peer))


if __name__ == '__main__':
    main()
