package net.bluemind.xmpp.domains.tigase;

import java.util.ArrayList;
import java.util.List;

/**
 * Nothing reaches a client during a SASL2 login before the login's answer. Tigase 8.4.0 sends some of what follows
 * a SASL2 success on other paths than the success itself, and they overtake it (docs/developers-guide.md, "Known
 * Tigase issues"):
 * <ul>
 * <li>the new stream features: {@code SaslAuth2} queues the success, then a GETFEATURES command whose answer becomes
 * the features; the command travels at HIGH priority, the success at NORMAL (features first in 198 of 1,000 logins,
 * 4 at a time, in Sasl2E2eIT);</li>
 * <li>on an inline stream resumption, the stanzas the client had not acknowledged, which the c2s resends on the new
 * connection as soon as the stream is moved, before the success built by the session manager arrives.</li>
 * </ul>
 * Per connection: while a SASL2 {@code <authenticate/>} is unanswered, everything but SASL2's own elements (and the
 * stream's own features, when a client pipelined its authenticate) is held; the success (or failure) goes out
 * first, then the features, then the rest in order.
 *
 * @param <P> what the connection writes (Tigase's packet; a string in tests)
 */
final class Sasl2AnswerFirst<P> {

    static final String SASL2 = "urn:xmpp:sasl:2";

    private boolean authenticating;
    private boolean streamFeaturesWritten;
    private String resumedId;
    private P heldFeatures;
    private final List<P> held = new ArrayList<>();

    /** A stream was opened (or reopened after STARTTLS): its own features are still to come. */
    synchronized void streamOpened() {
        streamFeaturesWritten = false;
    }

    /**
     * An element read from the client.
     *
     * @param resumeId the {@code previd} of an inline stream resumption in a SASL2 authenticate, else null
     */
    synchronized void received(String name, String xmlns, String resumeId) {
        if ("authenticate".equals(name) && SASL2.equals(xmlns)) {
            authenticating = true;
            resumedId = resumeId;
        }
    }

    /** The resumption id of the SASL2 login under way (or just answered), if it resumes a stream. */
    synchronized String resumedId() {
        return resumedId;
    }

    /** What to write now, in order, when the connection is asked to write {@code packet}. */
    synchronized List<P> toWrite(P packet, String name, String xmlns) {
        if (SASL2.equals(xmlns)) {
            if (!"success".equals(name) && !"failure".equals(name)) {
                return List.of(packet); // challenge, continue
            }
            authenticating = false;
            List<P> out = new ArrayList<>(held.size() + 2);
            out.add(packet);
            if (heldFeatures != null) {
                out.add(heldFeatures);
            }
            out.addAll(held);
            heldFeatures = null;
            held.clear();
            return out;
        }
        boolean features = "stream:features".equals(name);
        if (features && !streamFeaturesWritten) {
            streamFeaturesWritten = true;
            return List.of(packet);
        }
        if (!authenticating) {
            return List.of(packet);
        }
        if (features) {
            heldFeatures = packet;
        } else {
            held.add(packet);
        }
        return List.of();
    }
}
