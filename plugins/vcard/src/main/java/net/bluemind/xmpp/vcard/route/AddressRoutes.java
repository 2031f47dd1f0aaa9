package net.bluemind.xmpp.vcard.route;

import java.util.Locale;

/**
 * Decides what happens to a stanza sent to an address at one of our domains, from the kind of stanza and what the
 * directory says about the address. Without it Tigase 8.4.0 takes any local address for an account: a message to
 * {@code maud@alias} (maud's JID being {@code maud@domain}) or to an address nobody has is stored as an offline
 * message of an account nobody ever logs in to (the shipped user repository creates it), and the sender is told
 * nothing. The table ({@code AddressRoutesTest} has a case for each cell):
 * <table>
 * <tr><th>kind</th><th>the address of a user, not their JID (an alias)</th><th>nobody's address</th></tr>
 * <tr><td>message (chat, normal, groupchat, headline)</td><td>delivered to the user's JID (rewritten before it is
 * archived or routed: archived once, under the JID)</td><td>chat/normal/groupchat: {@code service-unavailable};
 * headline: dropped (automatic, nobody to tell)</td></tr>
 * <tr><td>subscribe</td><td>{@code gone}, {@code xmpp:<JID>}: the contact must be added under the JID, or the
 * answers (from the JID) would not match the request</td><td>{@code unsubscribed}</td></tr>
 * <tr><td>iq get/set</td><td colspan="2">left to the session manager, which answers on the account's behalf (the
 * vCard plugin answers for an alias as for the JID, and a stranger the same for an address nobody has as for one
 * somebody has: no user enumeration); Tigase answers every other one once</td></tr>
 * <tr><td>error, iq result, subscription states, probe, directed presence</td><td>left as they are</td><td>dropped
 * (never an error to an error; RFC 6121 8.5.2.1 ignores them), probes left to Tigase</td></tr>
 * </table>
 * An address the directory cannot tell about (not a BlueMind domain, bm-core down and nothing cached) is left to
 * Tigase: the directory being down never costs a message.
 */
public final class AddressRoutes {

    static final String NOBODY = "no user has this address";

    private AddressRoutes() {
    }

    /**
     * @param kind the stanza's kind
     * @param to   the bare address it is sent to ({@code local@domain})
     * @param address what the directory says about {@code to}
     */
    public static Route decide(StanzaKind kind, String to, Address address) {
        if (address instanceof Address.Owner owner) {
            String jid = owner.jid().toLowerCase(Locale.ROOT);
            if (jid.equals(to.toLowerCase(Locale.ROOT))) {
                return Route.PASS; // the user's own JID
            }
            return switch (kind) {
                case MESSAGE, HEADLINE -> new Route.Rewrite(jid);
                case SUBSCRIBE -> new Route.Gone(jid, "this address belongs to " + jid + ": add the contact as " + jid);
                default -> Route.PASS;
            };
        }
        if (address instanceof Address.Nobody) {
            return switch (kind) {
                case MESSAGE -> new Route.Bounce(NOBODY);
                case SUBSCRIBE -> Route.UNSUBSCRIBED;
                case HEADLINE, ERROR, IQ_RESULT, SUBSCRIPTION_STATE, PRESENCE -> Route.DROP;
                case IQ_REQUEST, PROBE, OTHER -> Route.PASS;
            };
        }
        return Route.PASS;
    }
}
