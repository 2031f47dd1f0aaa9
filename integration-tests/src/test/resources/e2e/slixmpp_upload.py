"""A real XEP-0363 client (slixmpp's xep_0363 plugin, as Gajim/Conversations do it): logs in, finds the upload
service from the domain's disco#items, requests a slot, PUTs the file and prints the GET URL.
usage: slixmpp_upload.py JID PASSWORD FILE      (server 127.0.0.1:5222, STARTTLS, self-signed certificate accepted)
exit 0 and 'GET <url>' on stdout when the upload worked; exit 1 with the reason otherwise."""
import asyncio
import ssl
import sys

import slixmpp


class Uploader(slixmpp.ClientXMPP):
    def __init__(self, jid, password, path):
        super().__init__(jid, password)
        self.path = path
        self.result = None
        self.ssl_context.check_hostname = False
        self.ssl_context.verify_mode = ssl.CERT_NONE
        self.register_plugin('xep_0030')
        self.register_plugin('xep_0363')
        self.add_event_handler('session_start', self.start)
        self.add_event_handler('failed_auth', lambda _: self.fail('login refused'))

    def fail(self, why):
        self.result = (1, why)
        self.disconnect()

    async def find_upload_service(self):
        """The domain's disco#items, then disco#info of each: the item with identity store/file and the XEP-0363
        feature (what xep_0363.find_upload_service does; Debian's slixmpp 1.8.3 version fails on Python 3.11)."""
        plugin = self['xep_0363']
        items = await self['xep_0030'].get_items(jid=self.boundjid.domain, timeout=20)
        for item in items['disco_items']['items']:
            info = await self['xep_0030'].get_info(jid=item[0], timeout=20)
            identities = [(i[0], i[1]) for i in info['disco_info']['identities']]
            if ('store', 'file') in identities and 'urn:xmpp:http:upload:0' in info['disco_info']['features']:
                plugin.upload_service = info['from']
                for form in info['disco_info'].iterables:
                    values = form['values']
                    if values.get('FORM_TYPE') == ['urn:xmpp:http:upload:0'] and values.get('max-file-size'):
                        plugin.max_file_size = int(values['max-file-size'])
                return
        raise RuntimeError('no upload service in the disco#items of ' + self.boundjid.domain)

    async def start(self, _):
        try:
            await self.find_upload_service()
            url = await self['xep_0363'].upload_file(self.path, timeout=20)
            self.result = (0, 'GET ' + url)
        except Exception as e:  # the reason is the test's output
            self.result = (1, '%s: %s' % (type(e).__name__, e))
        self.disconnect()


def main():
    jid, password, path = sys.argv[1:4]
    xmpp = Uploader(jid, password, path)
    xmpp.connect(address=('127.0.0.1', 5222), force_starttls=True)
    # slixmpp 1.8's process(timeout=...) fails on Python 3.11 (passes a coroutine to asyncio.wait): run the loop here
    xmpp.loop.run_until_complete(asyncio.wait_for(xmpp.disconnected, 60))
    code, text = xmpp.result or (1, 'no session')
    print(text)
    sys.exit(code)


if __name__ == '__main__':
    main()
