package tigase.xmpp;

/** Declared members: only those bm-xmpp uses. */
public enum StanzaType {
    error, get, set, result, available, unavailable, probe, subscribe, subscribed, unsubscribe, unsubscribed, chat,
    groupchat, headline, normal, valid, invalid, terminate, invisible;
}
