package net.bluemind.xmpp.auth.tigase;

import org.junit.jupiter.api.Assumptions;
import tigase.auth.XmppSaslException;

/**
 * Adapter tests that create Tigase objects run only against the real server classes
 * ({@code mvn -Dreal-tigase ...}): our compile-only declarations have no bodies.
 */
final class RealTigase {

    private RealTigase() {
    }

    static void assumeOnClasspath() {
        boolean real;
        try {
            new XmppSaslException(XmppSaslException.SaslError.not_authorized);
            real = true;
        } catch (UnsupportedOperationException declarationsOnly) {
            real = false;
        }
        Assumptions.assumeTrue(real, "needs the real Tigase classes: run with -Dreal-tigase");
    }
}
