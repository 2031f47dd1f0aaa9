package net.bluemind.xmpp.domains.tigase;

import java.util.List;

/**
 * Keeps the stream features a SASL2 login sends behind its {@code <success/>}. Tigase 8.4.0's SaslAuth2 queues the
 * success and then a GETFEATURES command whose answer becomes the new {@code <stream:features/>}; the command travels
 * at HIGH priority and the success at NORMAL, so under load the features overtake the success on their way to the
 * connection (198 of 1,000 logins, 4 at a time, in Sasl2E2eIT). A client reads features before it has been told it
 * is logged in, and waits for them forever after the success (docs/developers-guide.md, "Known Tigase issues").
 * <p>
 * Per connection: features written while a SASL2 {@code <authenticate/>} is unanswered, and after this stream's own
 * features were written, are held until the success (or failure) goes out, then follow it.
 *
 * @param <P> what the connection writes (Tigase's packet; a string in tests)
 */
final class Sasl2FeaturesAfterSuccess<P> {

    static final String SASL2 = "urn:xmpp:sasl:2";

    private boolean authenticating;
    private boolean streamFeaturesWritten;
    private P held;

    /** A stream was opened (or reopened after STARTTLS): its own features are still to come. */
    synchronized void streamOpened() {
        streamFeaturesWritten = false;
    }

    /** An element read from the client. */
    synchronized void received(String name, String xmlns) {
        if ("authenticate".equals(name) && SASL2.equals(xmlns)) {
            authenticating = true;
        }
    }

    /** What to write now, in order, when the connection is asked to write {@code packet}. */
    synchronized List<P> toWrite(P packet, String name, String xmlns) {
        if ("stream:features".equals(name)) {
            if (authenticating && streamFeaturesWritten) {
                held = packet;
                return List.of();
            }
            streamFeaturesWritten = true;
            return List.of(packet);
        }
        if (SASL2.equals(xmlns) && ("success".equals(name) || "failure".equals(name))) {
            authenticating = false;
            P features = held;
            held = null;
            return features == null ? List.of(packet) : List.of(packet, features);
        }
        return List.of(packet);
    }
}
