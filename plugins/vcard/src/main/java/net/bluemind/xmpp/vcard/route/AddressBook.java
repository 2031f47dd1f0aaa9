package net.bluemind.xmpp.vcard.route;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.common.bus.BusSubscriber;
import net.bluemind.xmpp.vcard.DirectoryUnavailableException;
import net.bluemind.xmpp.vcard.Lookup;
import net.bluemind.xmpp.vcard.VCardService;

/**
 * Who owns an address at one of our domains, for {@link AddressRoutes}: the vCard engine's directory (cached, kept
 * fresh by the bus), plus a short memory of addresses nobody has (the card cache does not keep those), so that one
 * stanza costs bm-core at most one read however many times the session manager looks at it. Addresses at domains
 * this server does not host are never looked up.
 */
public final class AddressBook implements BusSubscriber {

    private final VCardService directory;
    private final Cache<String, Boolean> nobody;
    private volatile Predicate<String> hosted = d -> false;

    public AddressBook(VCardService directory, Duration nobodyTtl, Ticker ticker) {
        this.directory = Objects.requireNonNull(directory);
        this.nobody = Caffeine.newBuilder().expireAfterWrite(nobodyTtl).maximumSize(10_000).ticker(ticker).build();
    }

    /** The domains this server hosts (Tigase's virtual hosts), given by the adapter once it knows them. */
    public void hostedDomains(Predicate<String> hosted) {
        this.hosted = Objects.requireNonNull(hosted);
    }

    /** @param bare a bare JID; a domain or server address (no local part) is {@link Address#UNKNOWN} */
    public Address resolve(String bare) {
        String jid = bare.toLowerCase(Locale.ROOT);
        int at = jid.indexOf('@');
        if (at <= 0 || at == jid.length() - 1 || !hosted.test(jid.substring(at + 1))) {
            return Address.UNKNOWN;
        }
        if (nobody.getIfPresent(jid) != null) {
            return Address.NOBODY;
        }
        Lookup l;
        try {
            l = directory.lookup(jid);
        } catch (DirectoryUnavailableException e) {
            return Address.UNKNOWN;
        }
        if (l instanceof Lookup.Found f) {
            return new Address.Owner(f.contact().jid());
        }
        if (l instanceof Lookup.NoSuchUser) {
            nobody.put(jid, Boolean.TRUE);
            return Address.NOBODY;
        }
        return Address.UNKNOWN;
    }

    /** A directory change (a user created, given an address, restored) is seen at once: nobody is forgotten. */
    @Override
    public void onEvent(BusEvent event) {
        if (event.operation().startsWith("user.") || event.operation().startsWith("domain.")
                || "core.state".equals(event.operation())) {
            nobody.invalidateAll();
        }
    }

    @Override
    public void onConnected() {
        nobody.invalidateAll();
    }
}
