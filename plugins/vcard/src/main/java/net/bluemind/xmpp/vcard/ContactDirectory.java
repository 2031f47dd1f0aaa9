package net.bluemind.xmpp.vcard;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.core.CoreException;
import net.bluemind.xmpp.common.core.Domain;
import net.bluemind.xmpp.common.core.ItemValue;
import net.bluemind.xmpp.common.core.User;
import net.bluemind.xmpp.common.core.VCard;

/**
 * Reads one user's contact card from bm-core, uncached: domain by {@code _lookup}, user by any of their
 * addresses, then their VCard and photo. Every call is bounded by the core client's timeouts.
 */
public final class ContactDirectory {

    private final CoreClient core;
    private final PhotoProcessor photos;

    public ContactDirectory(CoreClient core, PhotoProcessor photos) {
        this.core = Objects.requireNonNull(core);
        this.photos = Objects.requireNonNull(photos);
    }

    /** @param bareJid a bare JID, {@code local@domain}, compared case-insensitively */
    public Lookup fetch(String bareJid) throws CoreException {
        String jid = bareJid.strip().toLowerCase(Locale.ROOT);
        int at = jid.indexOf('@');
        if (at <= 0 || at == jid.length() - 1) {
            return new Lookup.NoSuchUser(jid); // a server or domain JID: no person behind it
        }
        Optional<ItemValue<Domain>> domain = core.lookupDomain(jid.substring(at + 1));
        if (domain.isEmpty() || domain.get().value() == null || domain.get().value().global()) {
            return new Lookup.NotHosted(jid);
        }
        String domainUid = domain.get().uid();
        Optional<ItemValue<User>> user = core.userByEmail(domainUid, jid);
        if (user.isEmpty() || user.get().value() == null || !user.get().value().mayUseIm()) {
            return new Lookup.NoSuchUser(jid);
        }
        ItemValue<User> u = user.get();
        VCard card = core.vcard(domainUid, u.uid()).orElse(u.value().contactInfos());
        String userJid = u.value().defaultEmail().map(e -> e.toLowerCase(Locale.ROOT)).orElse(jid);
        Optional<Photo> photo = core.photo(domainUid, u.uid()).flatMap(bytes -> photos.process(userJid, bytes));
        return new Lookup.Found(ContactMapper.map(userJid, domainUid, u.uid(), u.displayName(), card, photo));
    }
}
