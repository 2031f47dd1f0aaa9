package net.bluemind.xmpp.check;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Cache;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The SRV records clients and servers use to find the XMPP server of a domain (RFC 6120 section 3.2), and the direct
 * TLS one (XEP-0368, port 5223) that clients on networks letting only TLS through use; that one is recommended, not
 * required: missing, it is a warning.
 */
final class SrvChecks {

    private final Resolver resolver;
    private final String xmppHost;

    /** @param xmppHost the host name the records must point at, or null to accept any target */
    SrvChecks(Resolver resolver, String xmppHost) {
        this.resolver = resolver;
        this.resolver.setTimeout(Duration.ofSeconds(3));
        this.xmppHost = xmppHost == null ? null : absolute(xmppHost);
    }

    List<CheckResult> check(String domain) {
        List<CheckResult> out = new ArrayList<>();
        out.add(check(domain, "_xmpp-client._tcp.", 5222, true));
        out.add(check(domain, "_xmpp-server._tcp.", 5269, true));
        out.add(check(domain, "_xmpps-client._tcp.", 5223, false));
        return out;
    }

    private CheckResult check(String domain, String service, int port, boolean required) {
        String name = service + absolute(domain);
        String expected = name + " 3600 IN SRV 0 5 " + port + " " + (xmppHost == null ? "<your XMPP host>." : xmppHost);
        Lookup lookup;
        try {
            lookup = new Lookup(name, Type.SRV);
        } catch (TextParseException e) {
            return CheckResult.fail("srv", domain, "not a valid DNS name: " + name, "fix the domain name in BlueMind");
        }
        lookup.setResolver(resolver);
        lookup.setCache(new Cache());
        Record[] records = lookup.run();
        if (lookup.getResult() == Lookup.TRY_AGAIN || lookup.getResult() == Lookup.UNRECOVERABLE) {
            return CheckResult.fail("srv", domain, "DNS did not answer for " + name + " (" + lookup.getErrorString() + ")",
                    "check the resolver (--resolver)");
        }
        if (records == null || records.length == 0) {
            return required ? CheckResult.fail("srv", domain, "no " + name + " record", "add: " + expected)
                    : CheckResult.warn("srv", domain, "no " + name + " record (XEP-0368 direct TLS: clients behind"
                            + " networks that let only TLS through find 5223 with it)", "add: " + expected);
        }
        List<String> wrong = new ArrayList<>();
        for (Record r : records) {
            SRVRecord srv = (SRVRecord) r;
            String target = srv.getTarget().toString().toLowerCase(Locale.ROOT);
            if (srv.getPort() != port || xmppHost != null && !target.equals(xmppHost)) {
                wrong.add(target + ":" + srv.getPort());
            }
        }
        if (!wrong.isEmpty()) {
            return CheckResult.fail("srv", domain, name + " points at " + String.join(", ", wrong), "replace with: " + expected);
        }
        return CheckResult.ok("srv", domain, name + " -> " + ((SRVRecord) records[0]).getTarget() + ":" + port);
    }

    /** Where {@code _xmpp-server._tcp.<name>} points (host without the final dot, port), empty without a record. */
    List<InetSocketAddress> serverTargets(String name) {
        List<InetSocketAddress> out = new ArrayList<>();
        try {
            Lookup lookup = new Lookup("_xmpp-server._tcp." + absolute(name), Type.SRV);
            lookup.setResolver(resolver);
            lookup.setCache(new Cache());
            Record[] records = lookup.run();
            if (records != null) {
                for (Record r : records) {
                    SRVRecord srv = (SRVRecord) r;
                    String target = srv.getTarget().toString(true).toLowerCase(Locale.ROOT);
                    if (!target.isEmpty()) { // "." means "no service here" (RFC 2782)
                        out.add(InetSocketAddress.createUnresolved(target, srv.getPort()));
                    }
                }
            }
        } catch (TextParseException e) {
            // not a DNS name: check(domain) says so
        }
        return out;
    }

    /** The address of an SRV target, asked of the same resolver; the system's for names it does not know. */
    InetSocketAddress resolve(InetSocketAddress target) {
        try {
            for (int type : new int[] {Type.A, Type.AAAA}) {
                Lookup lookup = new Lookup(absolute(target.getHostString()), type);
                lookup.setResolver(resolver);
                lookup.setCache(new Cache());
                Record[] records = lookup.run();
                if (records != null && records.length > 0) {
                    java.net.InetAddress a = records[0] instanceof ARecord ar ? ar.getAddress() : ((AAAARecord) records[0]).getAddress();
                    return new InetSocketAddress(java.net.InetAddress.getByAddress(target.getHostString(), a.getAddress()),
                            target.getPort());
                }
            }
        } catch (java.io.IOException e) {
            // the system resolver then
        }
        return new InetSocketAddress(target.getHostString(), target.getPort());
    }

    private static String absolute(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h : h + ".";
    }
}
