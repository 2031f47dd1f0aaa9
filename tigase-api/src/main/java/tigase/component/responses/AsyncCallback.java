package tigase.component.responses;

import tigase.server.Packet;

/** Declared members: only those bm-xmpp uses. */
public interface AsyncCallback {

    void onError(Packet responseStanza, String errorCondition);

    void onSuccess(Packet responseStanza);

    void onTimeout();
}
