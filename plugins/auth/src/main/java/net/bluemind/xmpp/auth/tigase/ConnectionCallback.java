package net.bluemind.xmpp.auth.tigase;

import javax.security.auth.callback.Callback;

/** Asks the callback handler for what the SASL server cannot see: the stream's domain and the client's IP. */
final class ConnectionCallback implements Callback {

    private String domain;
    private String clientIp;

    String domain() {
        return domain;
    }

    String clientIp() {
        return clientIp;
    }

    void set(String domain, String clientIp) {
        this.domain = domain;
        this.clientIp = clientIp;
    }
}
