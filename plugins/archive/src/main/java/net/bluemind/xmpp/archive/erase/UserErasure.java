package net.bluemind.xmpp.archive.erase;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.Jid;
import net.bluemind.xmpp.archive.query.ArchiveRemoval;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.common.bus.BusSubscriber;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.core.VCard;

/**
 * Erases a user's archive on {@code user.deleted} (contract section 2). The event names the user by uid;
 * their JIDs are the addresses of their BlueMind vCard that belong to a local domain (asked to bm-core, which
 * still knows an archived user). When bm-core no longer knows the uid, nothing can be erased and this is
 * logged with the uid so an operator can erase by address.
 */
public final class UserErasure implements BusSubscriber {

    private static final Logger LOG = Logger.getLogger(UserErasure.class.getName());

    private final CoreClient core;
    private final ArchiveRemoval removal;
    private final Predicate<String> localDomain;
    private final Executor executor;

    public UserErasure(CoreClient core, ArchiveRemoval removal, Predicate<String> localDomain, Executor executor) {
        this.core = core;
        this.removal = removal;
        this.localDomain = localDomain;
        this.executor = executor;
    }

    @Override
    public void onEvent(BusEvent event) {
        if (!event.operation().equals("user.deleted")) {
            return;
        }
        Optional<String> domain = event.property("domain");
        Optional<String> uid = event.property("uid");
        if (domain.isEmpty() || uid.isEmpty()) {
            LOG.warning(() -> "user.deleted without domain or uid, ignored: " + event.properties());
            return;
        }
        executor.execute(() -> erase(domain.get(), uid.get()));
    }

    /** Erases the archive of the user; returns the documents changed. */
    public long erase(String domain, String uid) {
        try {
            Optional<VCard> card = core.vcard(domain, uid);
            Set<String> jids = new LinkedHashSet<>();
            card.ifPresent(c -> c.communications().emails().forEach(e -> {
                String jid = Jid.bare(e.value());
                if (jid != null && Jid.hasLocalPart(jid) && localDomain.test(Jid.domain(jid))) {
                    jids.add(jid);
                }
            }));
            if (jids.isEmpty()) {
                LOG.warning(() -> "user " + uid + "@" + domain + " deleted but bm-core gives no local address for it:"
                        + " its archive was NOT erased");
                return 0;
            }
            long changed = 0;
            for (String jid : jids) {
                long n = removal.eraseOwner(jid);
                LOG.info(() -> "erased the archive of " + jid + " (user " + uid + " deleted): " + n + " document(s)");
                changed += n;
            }
            return changed;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not erase the archive of deleted user " + uid + "@" + domain, e);
            return 0;
        }
    }
}
