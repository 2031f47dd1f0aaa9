package net.bluemind.xmpp.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;

/**
 * Logs in as a user (STARTTLS, SASL PLAIN, bind) and asks disco#info of each domain's room service
 * {@code conference.<domain>}; returns each raw answer (or the error text) for {@link RoomServiceVerdict}.
 */
final class RoomServiceProbe {

    private static final int TIMEOUT_MS = 5000;

    private RoomServiceProbe() {
    }

    static Map<String, String> discoInfo(String host, int port, String login, String password, List<String> domains)
            throws IOException {
        String domain = login.substring(login.indexOf('@') + 1);
        Map<String, String> answers = new LinkedHashMap<>();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            plain.setSoTimeout(TIMEOUT_MS);
            send(plain.getOutputStream(), open(domain));
            StartTlsProbe.readUntil(plain.getInputStream(), "</stream:features>");
            send(plain.getOutputStream(), "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            StartTlsProbe.readUntil(plain.getInputStream(), "<proceed");
            try (SSLSocket tls = (SSLSocket) StartTlsProbe.acceptAny().getSocketFactory()
                    .createSocket(plain, domain, port, true)) {
                tls.startHandshake();
                OutputStream out = tls.getOutputStream();
                InputStream in = tls.getInputStream();
                send(out, open(domain));
                StartTlsProbe.readUntil(in, "</stream:features>");
                String plainAuth = Base64.getEncoder().encodeToString(
                        ("\0" + login.substring(0, login.indexOf('@')) + "\0" + password).getBytes(StandardCharsets.UTF_8));
                send(out, "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plainAuth + "</auth>");
                String sasl = StartTlsProbe.readUntil(in, "success", "failure");
                if (!sasl.contains("<success")) {
                    throw new IOException("the login " + login + " was refused: " + sasl.trim());
                }
                send(out, open(domain));
                StartTlsProbe.readUntil(in, "</stream:features>");
                send(out, "<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                        + "<resource>bm-xmpp-check</resource></bind></iq>");
                StartTlsProbe.readUntil(in, "</iq>");
                int n = 0;
                for (String d : domains) {
                    String id = "room" + n++;
                    send(out, "<iq type='get' id='" + id + "' to='conference." + d + "'>"
                            + "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
                    answers.put(d, StartTlsProbe.readUntil(in, "</iq>"));
                }
                send(out, "</stream:stream>");
            }
        }
        return answers;
    }

    private static String open(String domain) {
        return "<?xml version='1.0'?><stream:stream to='" + domain + "' xmlns='jabber:client' "
                + "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
    }

    private static void send(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
