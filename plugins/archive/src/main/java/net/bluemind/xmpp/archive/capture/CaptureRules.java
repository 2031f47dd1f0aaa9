package net.bluemind.xmpp.archive.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.Jid;

/**
 * Decides whether a message is archived, and for whom. The written rule (plugins/archive/README.md, "What it does"):
 * <ul>
 * <li>only {@code chat}, {@code normal} (or no type) and {@code groupchat} messages with a non-blank body;
 * {@code error} and {@code headline} never; body-less ones (chat states, receipts, markers) never;</li>
 * <li>carbons copies ({@code urn:xmpp:carbons:2}) never: the original is archived;
 * messages with a {@code <no-store/>} / {@code <no-permanent-store/>} hint never;</li>
 * <li>chat/normal from a local user: once, in the sender's session, owned by the sender and by the
 * recipient too when the recipient is a user of this server (one document, two owners);</li>
 * <li>chat/normal arriving from another server: once, at delivery, owned by the local recipient only;</li>
 * <li>chat/normal arriving from a local user: not again (already archived at the sender);</li>
 * <li>groupchat: once, with {@code to} = the room and owned by the room: by a room of ours as it broadcasts it
 * (any sender, with the nick), else in the sender's session; the copies the room reflects to each occupant are not
 * archived.</li>
 * </ul>
 */
public final class CaptureRules {

    private final Predicate<String> localDomain;
    private final ArchiveId ids;
    private final LongSupplier clock;

    /** @param localDomain tells whether a domain is one of this server's virtual hosts */
    public CaptureRules(Predicate<String> localDomain, ArchiveId ids, LongSupplier clock) {
        this.localDomain = localDomain;
        this.ids = ids;
        this.clock = clock;
    }

    public Optional<ArchivedMessage> decide(Stanza s, Direction direction) {
        String type = s.type() == null || s.type().isEmpty() ? "normal" : s.type();
        if (!type.equals("chat") && !type.equals("normal") && !type.equals("groupchat")) {
            return Optional.empty();
        }
        if (s.carbon() || s.noStore() || s.body() == null || s.body().isBlank()) {
            return Optional.empty();
        }
        String from = Jid.bare(s.from());
        String to = Jid.bare(s.to());
        if (from == null || to == null) {
            return Optional.empty();
        }
        List<String> owners = owners(type, from, to, direction);
        if (owners.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        ArchivedMessage m = new ArchivedMessage(ids.next(now), now, from, to, s.body(), owners, type,
                blankToNull(s.thread()), blankToNull(s.id()));
        // a room message is shown as room/nick, never with its sender's resource
        return Optional.of(type.equals("groupchat") ? m : m.withResources(Jid.resource(s.from()), Jid.resource(s.to())));
    }

    private List<String> owners(String type, String from, String to, Direction direction) {
        List<String> owners = new ArrayList<>(2);
        if (type.equals("groupchat")) {
            if (direction == Direction.OUTGOING) {
                owners.add(to);
            }
            return owners;
        }
        if (direction == Direction.OUTGOING) {
            owners.add(from);
            if (!to.equals(from) && Jid.hasLocalPart(to) && localDomain.test(Jid.domain(to))) {
                owners.add(to);
            }
        } else if (!(Jid.hasLocalPart(from) && localDomain.test(Jid.domain(from)))) {
            owners.add(to);
        }
        return owners;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
