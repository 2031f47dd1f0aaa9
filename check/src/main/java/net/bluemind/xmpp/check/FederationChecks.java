package net.bluemind.xmpp.check;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.X509TrustManager;

/**
 * The server as another server sees it: for a domain and its {@code conference.} name, opens an s2s stream on the
 * public host's 5269 (and on each {@code _xmpp-server._tcp} SRV target), reports STARTTLS, the certificate served for
 * s2s ({@link CertificateVerdict#federation}) and how other servers may authenticate after TLS (dialback, SASL EXTERNAL).
 */
final class FederationChecks {

    /** The name the check gives itself in {@code from}: reserved (RFC 2606), so no dialback ever goes anywhere. */
    static final String FROM = "bm-xmpp-check.invalid";
    static final int PORT = 5269;

    /** Opens an s2s stream to {@code to} at an address, the way {@link StartTlsProbe#server} does. */
    interface Probe {
        StartTlsProbe.Negotiation open(InetSocketAddress address, String to) throws IOException;
    }

    private final String publicKey;
    private final InetSocketAddress publicAddress;
    private final Function<String, List<InetSocketAddress>> srvTargets;
    private final Function<InetSocketAddress, InetSocketAddress> resolve;
    private final Probe probe;
    private final X509TrustManager trust;
    private final Instant now;
    private final Duration warnBefore;

    /**
     * @param host where other servers are told to connect ({@code --xmpp-host}, or {@code --host} without it)
     * @param port its s2s port ({@link #PORT} but in tests)
     * @param srvTargets unresolved host:port of the {@code _xmpp-server._tcp} records of a name, empty without one
     * @param resolve resolves an SRV target
     */
    FederationChecks(String host, int port, Function<String, List<InetSocketAddress>> srvTargets,
            Function<InetSocketAddress, InetSocketAddress> resolve, Probe probe, X509TrustManager trust, Instant now,
            Duration warnBefore) {
        this.publicKey = key(InetSocketAddress.createUnresolved(host, port));
        this.publicAddress = new InetSocketAddress(host, port);
        this.srvTargets = srvTargets;
        this.resolve = resolve;
        this.probe = probe;
        this.trust = trust;
        this.now = now;
        this.warnBefore = warnBefore;
    }

    static FederationChecks of(String host, SrvChecks srv, Duration warnBefore) {
        return new FederationChecks(host, PORT, srv::serverTargets, srv::resolve,
                (address, to) -> StartTlsProbe.server(address, to, FROM), CertificateVerdict.systemTrust(), Instant.now(),
                warnBefore);
    }

    /** For {@code domain} and {@code conference.<domain>}: two lines (stream, certificate) per address, or one failing. */
    List<CheckResult> check(String domain) {
        List<CheckResult> out = new ArrayList<>();
        for (String name : List.of(domain, "conference." + domain)) {
            Map<String, InetSocketAddress> targets = new LinkedHashMap<>();
            targets.put(publicKey, publicAddress);
            for (InetSocketAddress t : srvTargets.apply(name)) {
                if (!targets.containsKey(key(t)) && !targets.containsKey(key(t) + " (SRV)")) {
                    targets.put(key(t) + " (SRV)", resolve.apply(t));
                }
            }
            targets.forEach((where, address) -> out.addAll(check(name, domain, where, address)));
        }
        return out;
    }

    private static String key(InetSocketAddress a) {
        return a.getHostString().toLowerCase(Locale.ROOT).replaceAll("\\.$", "") + ":" + a.getPort();
    }

    List<CheckResult> check(String name, String domain, String where, InetSocketAddress address) {
        if (address.isUnresolved()) {
            return List.of(CheckResult.fail("s2s", name, where + ": " + address.getHostString() + " does not resolve",
                    "give --xmpp-host the public name of this server, and publish its A/AAAA record"));
        }
        StartTlsProbe.Negotiation n;
        boolean retried = false;
        try {
            n = probe.open(address, name);
        } catch (SSLException first) {
            // Tigase 8.4.0 breaks a few percent of s2s TLS handshakes (reads and writes of one s2s connection are not
            // serialized: developer's guide, Known Tigase issues); another server reconnects, and so does the check
            try {
                n = probe.open(address, name);
                retried = true;
            } catch (IOException e) {
                return List.of(failed(name, where, e));
            }
        } catch (StartTlsProbe.ProbeException e) {
            if (name.startsWith("conference.") && e.failure == StartTlsProbe.Failure.STREAM_ERROR
                    && e.getMessage().contains("host-unknown")) {
                return List.of(CheckResult.warn("s2s", name, where + ": not served (host-unknown): users of other servers"
                        + " cannot reach this domain's rooms", "rooms need tigase-muc in Tigase's jars/ (operator's guide,"
                        + " Group chat); without it, nothing to do"));
            }
            if (e.failure == StartTlsProbe.Failure.STREAM_ERROR && e.getMessage().contains("policy-violation")) {
                return List.of(CheckResult.warn("s2s", name, where + ": reachable, but refuses servers it does not federate"
                        + " with, this check too (" + e.getMessage() + "): certificate and authentication not checked",
                        "expected with bm-xmpp.federation = off or allow-list (operator's guide, Federation);"
                        + " otherwise see Tigase's log"));
            }
            return List.of(failed(name, where, e));
        } catch (IOException e) {
            return List.of(failed(name, where, e));
        }
        CheckResult stream = stream(name, where, n);
        if (retried) {
            stream = new CheckResult(stream.status(), stream.check(), stream.subject(), stream.detail()
                    + " (on a second connection: the first TLS handshake failed, Tigase 8.4.0's s2s TLS race)", stream.fix());
        }
        return List.of(stream, CertificateVerdict.federation(n.chain(), name, domain, where, trust, now, warnBefore));
    }

    /** STARTTLS offered (and required or not), then what other servers may authenticate with over TLS. */
    static CheckResult stream(String name, String where, StartTlsProbe.Negotiation n) {
        String tls = n.startTlsRequired() ? "STARTTLS offered and required" : "STARTTLS offered (not required)";
        List<String> auth = new ArrayList<>();
        if (n.dialbackFeature()) {
            auth.add("dialback");
        } else if (n.dialbackInHeader()) {
            auth.add("dialback (stream header only)");
        }
        if (n.saslExternal()) {
            auth.add("SASL EXTERNAL");
        }
        if (auth.isEmpty()) {
            return CheckResult.fail("s2s", name, where + ": " + tls + ", but after TLS neither dialback nor SASL EXTERNAL"
                    + " is offered: other servers cannot authenticate this one",
                    "check the s2s section of init.properties (Tigase's s2s component as shipped offers dialback)");
        }
        return CheckResult.ok("s2s", name, where + ": " + tls + "; after TLS: " + String.join(", ", auth)
                + (n.saslExternal() ? "" : " (SASL EXTERNAL is offered only to servers presenting a trusted certificate)"));
    }

    /** What went wrong, in words an operator can act on. */
    static CheckResult failed(String name, String where, IOException e) {
        String firewall = "check that bm-xmpp runs, that s2s/connections/ports in init.properties has " + PORT
                + " and that the firewall lets other servers in on " + PORT;
        if (e instanceof StartTlsProbe.ProbeException p) {
            return switch (p.failure) {
                case TIMEOUT -> CheckResult.fail("s2s", name, where + ": does not answer as an XMPP server: " + e.getMessage(),
                        firewall + " (something else, a proxy or filter, may hold the port)");
                case CLOSED -> CheckResult.fail("s2s", name, where + ": " + e.getMessage(), firewall);
                case GARBAGE -> CheckResult.fail("s2s", name, where + ": answers, but " + e.getMessage(),
                        "something other than Tigase's s2s listens on " + PORT + " (a web server, direct TLS?):"
                        + " point other servers at Tigase's " + PORT);
                case STREAM_ERROR -> CheckResult.fail("s2s", name, where + ": refuses a stream for " + name + ": "
                        + e.getMessage(), e.getMessage().contains("host-unknown") ? name + " is not served by this Tigase"
                        + " (check the domain in BlueMind and bm-xmpp's logs; conference.: the muc lines of init.properties)"
                        : "see Tigase's log (/var/log/bm-xmpp/) for why");
                case NO_STARTTLS -> CheckResult.fail("s2s", name, where + ": no STARTTLS offered: servers requiring"
                        + " encryption (Prosody's default, most public servers) refuse to federate",
                        "keep s2s TLS on (the shipped init.properties does) and a certificate for " + name);
                case STARTTLS_REFUSED -> CheckResult.fail("s2s", name, where + ": " + e.getMessage(),
                        "check the certificate files for " + name + " (bm-xmpp's logs)");
            };
        }
        if (e instanceof UnknownHostException) {
            return CheckResult.fail("s2s", name, where + ": does not resolve (" + e.getMessage() + ")",
                    "give --xmpp-host the public name of this server, and publish its A/AAAA record");
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof SocketTimeoutException) {
            return CheckResult.fail("s2s", name, where + ": nothing accepts connections (" + e.getMessage() + ")", firewall);
        }
        if (e instanceof SSLException) {
            return CheckResult.fail("s2s", name, where + ": the TLS handshake failed: " + e.getMessage(),
                    "check the certificate files for " + name + " (bm-xmpp's logs)");
        }
        return CheckResult.fail("s2s", name, where + ": " + e, firewall);
    }
}
