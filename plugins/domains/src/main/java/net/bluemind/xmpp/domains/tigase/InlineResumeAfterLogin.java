package net.bluemind.xmpp.domains.tigase;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.XMPPIOService;

/**
 * An inline stream resumption (XEP-0198 {@code <resume/>} inside a SASL2 {@code <authenticate/>}) is done by the c2s
 * connection once it knows who logged in. In stock Tigase 8.4.0 the session manager's {@code StreamManagementInline}
 * sends the c2s a {@code move-stream} command straight to its queue, while the {@code USER_LOGIN} command that tells the
 * connection its user leaves with the login's other results, later; the c2s's {@code StreamManagementIOProcessor} then
 * compares the hibernated stream's user with a connection that has none yet and answers {@code item-not-found}: the
 * phone gets {@code <failed/>} in its success, a new session, and the messages sent while it was away only when the old
 * one times out (seen in StreamResumptionE2eIT in CI, and in 1 run of 1 with Tigase's debug log, 2026-12-07:
 * {@code move-stream} processed 1 ms before {@code USER_LOGIN} for the same connection). Here a {@code move-stream}
 * for a connection without a user waits for that connection's {@code USER_LOGIN} and is processed right after it, or
 * after {@link #MAX_WAIT_MS} at the latest, when Tigase answers it as it would have (the session manager waits 10 s
 * for the answer: one answer, always).
 *
 * @param <P> the packet type (Tigase's {@code Packet}; strings in the unit test)
 */
final class InlineResumeAfterLogin<P> {

    static final long MAX_WAIT_MS = 5_000;
    private static final Logger LOG = Logger.getLogger(InlineResumeAfterLogin.class.getName());
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bm-xmpp-inline-resume");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, P> waiting = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final long maxWaitMs;

    InlineResumeAfterLogin() {
        this(TIMER, MAX_WAIT_MS);
    }

    InlineResumeAfterLogin(ScheduledExecutorService timer, long maxWaitMs) {
        this.timer = timer;
        this.maxWaitMs = maxWaitMs;
    }

    /** Whether a command (its {@code node} and {@code cmd} field) is the move of a hibernated stream to a connection. */
    static boolean isMoveStream(String node, String cmd) {
        return "STREAM_MOVED".equals(node) && "move-stream".equals(cmd);
    }

    static boolean isUserLogin(String node) {
        return "USER_LOGIN".equals(node);
    }

    /**
     * Keeps {@code moveStream} for {@code connection}, which does not know its user yet: {@code process} gets it after
     * that connection's login ({@link #loggedIn}), or after the maximum wait.
     */
    void hold(String connection, P moveStream, Consumer<P> process) {
        waiting.put(connection, moveStream);
        timer.schedule(() -> {
            if (waiting.remove(connection, moveStream)) {
                process.accept(moveStream);
            }
        }, maxWaitMs, TimeUnit.MILLISECONDS);
    }

    /** {@code connection} now knows its user: what was kept for it is processed. */
    void loggedIn(String connection, Consumer<P> process) {
        P held = waiting.remove(connection);
        if (held != null) {
            process.accept(held);
        }
    }

    /**
     * A c2s connection manager's {@code processCommand}: {@code tigase} is Tigase's own. A {@code move-stream} for a
     * connection without a user waits; a {@code USER_LOGIN} releases what waits for its connection.
     */
    static void processCommand(InlineResumeAfterLogin<Packet> resumes, Packet packet, XMPPIOService<?> serv,
            Consumer<Packet> tigase) {
        Element command = packet.getElement().getChild("command", "http://jabber.org/protocol/commands");
        String node = command == null ? null : command.getAttributeStaticStr("node");
        if (serv != null && serv.getUserJid() == null && packet.getTo() != null
                && isMoveStream(node, formField(command, "cmd"))) {
            LOG.log(Level.FINE, "inline resumption for {0}: waits for the connection's login", packet.getTo());
            resumes.hold(packet.getTo().toString(), packet, tigase);
            return;
        }
        tigase.accept(packet);
        if (isUserLogin(node) && packet.getTo() != null) {
            resumes.loggedIn(packet.getTo().toString(), tigase);
        }
    }

    private static String formField(Element command, String var) {
        Element form = command == null ? null : command.getChild("x", "jabber:x:data");
        if (form == null || form.getChildren() == null) {
            return null;
        }
        for (Element field : form.getChildren()) {
            if (var.equals(field.getAttributeStaticStr("var"))) {
                Element value = field.getChild("value");
                return value == null ? null : value.getCData();
            }
        }
        return null;
    }

    int waiting() {
        return waiting.size();
    }
}
