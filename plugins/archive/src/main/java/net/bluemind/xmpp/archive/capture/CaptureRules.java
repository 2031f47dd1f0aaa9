package net.bluemind.xmpp.archive.capture;

import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.Jid;

/**
 * Turns what {@link CapturePlanner} archives into documents, with their archive id and time. The written rule
 * (plugins/archive/README.md, "What it does"; the room cases are {@link CapturePlanner}'s):
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

    /** A message seen outside any room service (the archive part of {@link CapturePlanner} for plain facts). */
    public Optional<ArchivedMessage> decide(Stanza s, Direction direction) {
        return toMessage(CapturePlanner.plan(CaptureFacts.plain(s, direction, localDomain)).archive());
    }

    /** The document a plan archives, with its archive id and time; empty for none. */
    public Optional<ArchivedMessage> toMessage(CapturePlan.Archive a) {
        if (a == null) {
            return Optional.empty();
        }
        Stanza s = a.stanza();
        long now = clock.getAsLong();
        ArchivedMessage m = new ArchivedMessage(ids.next(now), now, a.from(), a.to(), s.body(), a.owners(), a.type(),
                blankToNull(s.thread()), blankToNull(s.id()));
        // a room message is shown as room/nick, never with its sender's resource
        return Optional.of(a.type().equals("groupchat") ? m : m.withResources(Jid.resource(s.from()), Jid.resource(s.to())));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
