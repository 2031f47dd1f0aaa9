package tigase.xmpp.impl;

import java.util.concurrent.CompletableFuture;
import tigase.xml.Element;
import tigase.xmpp.XMPPResourceConnection;

/** Declared members: the SASL2 processor's inline-feature contract and its user-agent record. */
public class SaslAuth2 {

    private SaslAuth2() {
    }

    public interface Inline {

        enum Action {
            sasl2,
            bind2
        }

        boolean canHandle(XMPPResourceConnection connection, Element el);

        Element[] supStreamFeatures(Inline.Action action);

        CompletableFuture<Result> process(XMPPResourceConnection session, Element action);

        class Result {
            public final Element element;
            public final boolean shouldContinue;

            public Result(Element element, boolean shouldContinue) {
                throw new UnsupportedOperationException();
            }
        }
    }

    public static class UserAgent {

        private UserAgent() {
            throw new UnsupportedOperationException();
        }

        public String getId() {
            throw new UnsupportedOperationException();
        }
    }
}
