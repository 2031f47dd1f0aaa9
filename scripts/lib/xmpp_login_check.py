"""Does the server accept a login? A real client's first steps, with Python's standard library only.

    python3 xmpp_login_check.py HOST PORT DOMAIN USER PASSWORD

Opens a c2s stream to DOMAIN, STARTTLS (any certificate: run.sh's is self-signed), SASL PLAIN as USER@DOMAIN;
no resource is bound, so no session is left behind. Exit 0 when the login succeeds, printing the served
certificate's SHA-256 then SHA-1 fingerprint (one a line); exit 1 with the reason otherwise (refused connection,
host-unknown while the domain is not served yet, no PLAIN, SASL failure...). Used by scripts/run.sh to say
"serving" only when it is.
"""
import base64
import hashlib
import re
import socket
import ssl
import sys

TIMEOUT = 10


def read_until(sock, pattern):
    data = b''
    while True:
        text = data.decode('utf-8', 'replace')
        m = re.search(pattern, text, re.S)
        if m:
            return text
        if '<stream:error' in text and '</stream:error>' in text:
            cond = re.search(r'<stream:error><([a-z-]+)', text)
            raise RuntimeError('stream error: ' + (cond.group(1) if cond else text[-200:]))
        chunk = sock.recv(65536)
        if not chunk:
            raise RuntimeError('connection closed by the server after: ' + text[-200:])
        data += chunk


def open_stream(sock, domain):
    sock.sendall(("<?xml version='1.0'?><stream:stream to='%s' xmlns='jabber:client' "
                  "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>" % domain).encode())
    return read_until(sock, r'</stream:features>|<stream:features/>')


def main():
    host, port, domain, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    raw = socket.create_connection((host, port), TIMEOUT)
    raw.settimeout(TIMEOUT)
    features = open_stream(raw, domain)
    if 'urn:ietf:params:xml:ns:xmpp-tls' not in features:
        raise RuntimeError('no STARTTLS offered')
    raw.sendall(b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
    read_until(raw, r'<proceed')
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # self-signed: only the fingerprint is reported
    tls = ctx.wrap_socket(raw, server_hostname=domain)
    der = tls.getpeercert(binary_form=True)
    features = open_stream(tls, domain)
    if '>PLAIN<' not in features:
        raise RuntimeError('no SASL PLAIN offered after STARTTLS')
    token = base64.b64encode(b'\0' + user.encode() + b'\0' + password.encode()).decode()
    tls.sendall(("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>%s</auth>" % token).encode())
    answer = read_until(tls, r'<success[ />]|<failure.*?</failure>')
    try:
        tls.sendall(b'</stream:stream>')
        tls.close()
    except OSError:
        pass
    if '<success' not in answer:
        cond = re.search(r'<failure[^>]*><([a-z-]+)', answer)
        raise RuntimeError('SASL failure: ' + (cond.group(1) if cond else answer[-200:]))
    for digest in (hashlib.sha256, hashlib.sha1):   # what clients show: Thunderbird/Gajim both, profanity SHA-1
        hexa = digest(der).hexdigest().upper()
        print(':'.join(hexa[i:i + 2] for i in range(0, len(hexa), 2)))


if __name__ == '__main__':
    try:
        main()
    except Exception as e:  # noqa: BLE001 - the reason is the whole output
        print('%s: %s' % (type(e).__name__, e))
        sys.exit(1)
