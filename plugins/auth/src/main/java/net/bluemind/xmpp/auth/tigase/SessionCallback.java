package net.bluemind.xmpp.auth.tigase;

import javax.security.auth.callback.Callback;

/** Asks the callback handler for the session being authenticated (SASL2 request details, what to remember). */
final class SessionCallback implements Callback {

    private Sasl2Session session;

    Sasl2Session session() {
        return session;
    }

    void set(Sasl2Session session) {
        this.session = session;
    }
}
