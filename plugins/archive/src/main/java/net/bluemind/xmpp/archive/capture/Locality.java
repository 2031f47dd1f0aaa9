package net.bluemind.xmpp.archive.capture;

import java.util.function.Predicate;
import net.bluemind.xmpp.archive.Jid;

/** Where an address is, as far as the archive cares: a user of this server, one of its domains itself, or neither. */
public enum Locality {
    /** {@code user@domain} with the domain one of this server's virtual hosts: a user with an archive here. */
    LOCAL_USER,
    /** One of this server's virtual hosts itself ({@code domain}, no local part): the server, not a user. */
    LOCAL_DOMAIN,
    /**
     * Any other address: a user or service of another server, and our own components too (a room at
     * {@code conference.<domain>} is not on a virtual host).
     */
    NOT_LOCAL,
    /** No address at all. */
    ABSENT;

    /** @param localDomain tells whether a domain is one of this server's virtual hosts */
    public static Locality of(String jid, Predicate<String> localDomain) {
        String domain = Jid.domain(jid);
        if (domain == null) {
            return ABSENT;
        }
        if (!localDomain.test(domain)) {
            return NOT_LOCAL;
        }
        return Jid.hasLocalPart(jid) ? LOCAL_USER : LOCAL_DOMAIN;
    }

    /** On one of this server's virtual hosts, user or not. */
    public boolean onLocalDomain() {
        return this == LOCAL_USER || this == LOCAL_DOMAIN;
    }
}
