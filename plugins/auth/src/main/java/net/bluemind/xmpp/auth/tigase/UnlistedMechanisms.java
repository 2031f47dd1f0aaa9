package net.bluemind.xmpp.auth.tigase;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * The mechanisms a session may use, of which some are not listed. Tigase's SASL processors build the
 * {@code <mechanism/>} list by iterating the selector's answer and later accept a mechanism if the same
 * collection {@code contains} it: FAST mechanisms must be accepted but advertised only inside {@code <fast/>}
 * (XEP-0484), never as password mechanisms.
 */
final class UnlistedMechanisms extends AbstractCollection<String> {

    private final List<String> listed;
    private final List<String> unlisted;

    UnlistedMechanisms(Collection<String> all, Collection<String> unlistedNames) {
        this.listed = all.stream().filter(m -> !unlistedNames.contains(m)).toList();
        this.unlisted = all.stream().filter(unlistedNames::contains).toList();
    }

    @Override
    public Iterator<String> iterator() {
        return listed.iterator();
    }

    @Override
    public int size() {
        return listed.size();
    }

    @Override
    public boolean contains(Object o) {
        return listed.contains(o) || unlisted.contains(o);
    }
}
