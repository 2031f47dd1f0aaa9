package net.bluemind.xmpp.domains.certs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one BlueMind domain's certificate must cover: the file is {@code <name>.pem}; {@code hosts} are the
 * domain's XMPP hosts (its name first, then its aliases); {@code dnsNames} are the names the certificate
 * carries: every host, {@code conference.} of each, and the server's public host name when there is one.
 */
public record CertificateSubject(String domainUid, String name, List<String> hosts, List<String> dnsNames) {

    public CertificateSubject {
        Objects.requireNonNull(domainUid);
        Objects.requireNonNull(name);
        hosts = List.copyOf(hosts);
        dnsNames = List.copyOf(dnsNames);
    }

    /**
     * @param hosts the domain's host names, its own name first
     * @param publicHost the BlueMind server's external host name for this domain, if any
     */
    public static CertificateSubject of(String domainUid, List<String> hosts, Optional<String> publicHost) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("domain " + domainUid + " has no host name");
        }
        Set<String> names = new LinkedHashSet<>(hosts);
        hosts.forEach(h -> names.add("conference." + h));
        publicHost.ifPresent(names::add);
        return new CertificateSubject(domainUid, hosts.get(0), hosts, List.copyOf(names));
    }

    /** The domain's aliases (its hosts but its name). */
    public List<String> aliases() {
        return hosts.subList(1, hosts.size());
    }
}
