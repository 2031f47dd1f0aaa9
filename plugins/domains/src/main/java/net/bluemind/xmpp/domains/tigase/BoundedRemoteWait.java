package net.bluemind.xmpp.domains.tigase;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.BmXmpp;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.domains.RemoteServerWaits;
import tigase.server.Packet;
import tigase.server.xmppserver.CID;
import tigase.server.xmppserver.CIDConnections;
import tigase.server.xmppserver.S2SConnectionManager;
import tigase.server.xmppserver.S2SIOService;
import tigase.xml.Element;
import tigase.xmpp.StanzaType;

/**
 * Bounds how long a stanza waits for a link to another server ({@code bm-xmpp.s2s-bounce-after}), backs off the
 * connection attempts meanwhile and says {@code remote-server-timeout} when the remote server answered but gave no
 * usable stream. Stock Tigase 8.4.0 keeps such a stanza 7 minutes (S2SConnectionManager's private
 * maxPacketWaitingTime, not configurable), reconnecting every 2 s, and only bounces it when an attempt starts after
 * that time, always as remote-server-not-found (docs/developers-guide.md, "Known Tigase issues"). Used by
 * {@link SerializedTlsServerConnectionManager}; the decisions are {@link RemoteServerWaits}'.
 * <p>
 * Each link's CIDConnections gets the bound in its private {@code max_waiting_time} (reflection, checked once at
 * start: when the field is missing the whole helper stands aside, logged once, and Tigase's 7 minutes apply). At the
 * end of a wait, stanzas still waiting are sent back through Tigase's own path (its next opening attempt finds the
 * time exceeded), started at once instead of at the next reconnection.
 */
final class BoundedRemoteWait {

    private static final Logger LOG = Logger.getLogger(BoundedRemoteWait.class.getName());
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(30);
    /** Tigase's own (protected) S2SIOService.HANDSHAKING_ONLY_KEY: dialback verification connections, never held back. */
    private static final String HANDSHAKING_ONLY_KEY = "handshaking-only-key";
    private static final String STANZAS_NS = "urn:ietf:params:xml:ns:xmpp-stanzas";
    /** The text of Tigase's bounce (CIDConnections.sendPacketsBack). */
    private static final String TIGASE_BOUNCE_TEXT = "S2S - destination host not found";
    private static final long CHECK_MARGIN_MS = 50;
    private static final long RECHECK_MS = 500;
    private static final int RECHECKS = 20;

    private final RemoteServerWaits waits;
    private final Field maxWaitingTime;
    private final ScheduledExecutorService timer;

    private BoundedRemoteWait(RemoteServerWaits waits, Field maxWaitingTime) {
        this.waits = waits;
        this.maxWaitingTime = maxWaitingTime;
        this.timer = maxWaitingTime == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bm-xmpp-s2s-bounce");
            t.setDaemon(true);
            return t;
        });
    }

    /** From {@code bm-xmpp.s2s-bounce-after}; its default when the settings cannot be read. */
    static BoundedRemoteWait fromSettings() {
        Duration after;
        try {
            after = BmXmpp.shared().settings().get(Keys.S2S_BOUNCE_AFTER);
        } catch (RuntimeException e) {
            after = Settings.defaults().get(Keys.S2S_BOUNCE_AFTER);
            LOG.log(Level.WARNING, "s2s: settings unreadable, stanzas for unreachable servers bounce after the default "
                    + after.toSeconds() + " s", e);
        }
        return create(after);
    }

    static BoundedRemoteWait create(Duration after) {
        Field f = null;
        try {
            f = CIDConnections.class.getDeclaredField("max_waiting_time");
            if (f.getType() != long.class) {
                throw new NoSuchFieldException("max_waiting_time is a " + f.getType() + ", not a long");
            }
            f.setAccessible(true);
            LOG.info("s2s: a stanza for another server waits at most " + after.toSeconds() + " s for its link"
                    + " (bm-xmpp.s2s-bounce-after), then goes back to its sender; connection attempts back off up to "
                    + MAX_RETRY_DELAY.toSeconds() + " s");
        } catch (ReflectiveOperationException | RuntimeException e) {
            f = null;
            LOG.log(Level.WARNING, "s2s: bm-xmpp.s2s-bounce-after is not applied, this Tigase has no"
                    + " CIDConnections.max_waiting_time (" + e + "): stanzas for unreachable servers bounce after"
                    + " Tigase's own time (7 min in 8.4.0)");
        }
        return new BoundedRemoteWait(new RemoteServerWaits(after, MAX_RETRY_DELAY), f);
    }

    boolean active() {
        return maxWaitingTime != null;
    }

    /** A new link's connections: gets the bound instead of Tigase's 7 minutes. */
    void adopt(CIDConnections conns) {
        if (maxWaitingTime == null || conns == null) {
            return;
        }
        try {
            maxWaitingTime.setLong(conns, waits.bounceAfterMs());
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(Level.FINE, "s2s: bound not set on " + conns, e);
        }
    }

    /** Link of an outgoing stanza, or null. */
    static CID linkOf(Packet packet) {
        if (packet.getStanzaTo() == null || packet.getStanzaFrom() == null) {
            return null;
        }
        return new CID(packet.getStanzaFrom().getDomain(), packet.getStanzaTo().getDomain());
    }

    static int waiting(Map<CID, CIDConnections> links, CID cid) {
        CIDConnections c = cid == null ? null : links.get(cid);
        return c == null ? 0 : c.getWaitingCount();
    }

    /** After Tigase took a stanza for {@code cid}: a wait that starts here gets its end checked on time. */
    void queued(Map<CID, CIDConnections> links, CID cid, int waitingBefore) {
        if (maxWaitingTime == null || cid == null) {
            return;
        }
        String link = cid.toString();
        long since = System.currentTimeMillis();
        long end = waits.queued(link, since, waitingBefore, waiting(links, cid));
        if (end >= 0) {
            timer.schedule(() -> check(links, cid, since, RECHECKS), end - since + CHECK_MARGIN_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void check(Map<CID, CIDConnections> links, CID cid, long since, int rechecks) {
        try {
            String link = cid.toString();
            if (!waits.due(link, since, System.currentTimeMillis())) {
                return;
            }
            CIDConnections conns = links.get(cid);
            if (conns == null || conns.getWaitingCount() == 0) {
                return;
            }
            if (rechecks == RECHECKS) {
                LOG.info(() -> "s2s: no link " + cid.getLocalHost() + " -> " + cid.getRemoteHost() + " within "
                        + waits.bounceAfterMs() / 1000 + " s (" + waits.attempts(link) + " connection attempts): "
                        + conns.getWaitingCount() + " waiting stanza(s) go back to their senders");
            }
            // Tigase bounces when an opening attempt starts after its max_waiting_time: start one now (the flag only
            // says an attempt is under way; one still under way keeps its place, nothing more is opened)
            conns.resetOutgoingInProgress();
            conns.sendPacket(null);
            if (rechecks > 0) {
                timer.schedule(() -> check(links, cid, since, rechecks - 1), RECHECK_MS, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "s2s: checking the wait of " + cid + " failed", e);
        }
    }

    /** How long to hold back this new outgoing connection (ms): back-off between attempts of one wait. */
    long attemptDelay(Map<String, Object> portProps) {
        if (maxWaitingTime == null || portProps.containsKey(HANDSHAKING_ONLY_KEY)
                || !(portProps.get(S2SConnectionManager.CID_KEY) instanceof CID cid)) {
            return 0;
        }
        return waits.attemptDelay(cid.toString(), System.currentTimeMillis());
    }

    /** Whether stanzas still wait for the link of this held-back connection attempt. */
    static boolean stillWaiting(Map<CID, CIDConnections> links, Map<String, Object> portProps) {
        return !(portProps.get(S2SConnectionManager.CID_KEY) instanceof CID cid) || waiting(links, cid) > 0;
    }

    void later(Runnable r, long delayMs) {
        timer.schedule(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "s2s: a held-back connection attempt failed to start", e);
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    /** A connection was established: an outgoing one means the remote server answers on its port. */
    void started(S2SIOService serv) {
        if (maxWaitingTime == null) {
            return;
        }
        Map<String, Object> data = serv.getSessionData();
        if (data != null && "connect".equals(String.valueOf(data.get("type")))
                && data.get(S2SConnectionManager.CID_KEY) instanceof CID cid) {
            waits.reached(cid.toString(), System.currentTimeMillis());
        }
    }

    /**
     * Tigase's bounce of a stanza that waited its whole time for a remote server that did answer on its port becomes
     * remote-server-timeout (type wait); everything else passes unchanged.
     */
    Packet rewriteBounce(Packet packet) {
        if (maxWaitingTime == null || packet.getType() != StanzaType.error) {
            return packet;
        }
        Element error = packet.getElement().getChild("error");
        Element condition = error == null ? null : error.getChild("remote-server-not-found", STANZAS_NS);
        Element text = error == null ? null : error.getChild("text", STANZAS_NS);
        if (condition == null || text == null || !TIGASE_BOUNCE_TEXT.equals(text.getCData())
                || packet.getStanzaTo() == null || packet.getStanzaFrom() == null) {
            return packet;
        }
        CID cid = new CID(packet.getStanzaTo().getDomain(), packet.getStanzaFrom().getDomain());
        if (waits.condition(cid.toString(), System.currentTimeMillis())
                != RemoteServerWaits.Condition.REMOTE_SERVER_TIMEOUT) {
            return packet;
        }
        Element copy = packet.getElement().clone();
        Element err = copy.getChild("error");
        err.removeChild(err.getChild("remote-server-not-found", STANZAS_NS));
        err.removeChild(err.getChild("text", STANZAS_NS));
        err.setAttribute("type", "wait");
        err.setAttribute("code", "504");
        Element timeout = new Element("remote-server-timeout");
        timeout.setXMLNS(STANZAS_NS);
        err.addChild(timeout);
        Element says = new Element("text", "S2S - " + cid.getRemoteHost() + " answered but no stream could be set up"
                + " within " + waits.bounceAfterMs() / 1000 + " s");
        says.setXMLNS(STANZAS_NS);
        says.setAttribute("xml:lang", "en");
        err.addChild(says);
        return Packet.packetInstance(copy, packet.getStanzaFrom(), packet.getStanzaTo());
    }
}
