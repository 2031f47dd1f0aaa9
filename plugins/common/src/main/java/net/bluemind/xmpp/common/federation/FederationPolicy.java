package net.bluemind.xmpp.common.federation;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.bluemind.xmpp.common.settings.FederationMode;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/**
 * Which other XMPP servers this one federates with (settings {@code federation} and
 * {@code federation-allowed-domains}), and what happens to a stanza that would cross to a refused one.
 *
 * <p>An allow-list entry {@code partner.example} allows {@code partner.example} and every subdomain of it
 * ({@code conference.partner.example}: its rooms, {@code upload.partner.example}), not {@code xpartner.example}.
 * Pure: no Tigase type; the s2s adapter asks {@link #allows} for every stream it accepts and
 * {@link #outgoing} for every stanza it is asked to send.
 */
public final class FederationPolicy {

    private final FederationMode mode;
    private final List<String> allowed;

    private FederationPolicy(FederationMode mode, List<String> allowed) {
        this.mode = Objects.requireNonNull(mode);
        this.allowed = allowed.stream().map(FederationPolicy::normalize).toList();
    }

    public static FederationPolicy of(FederationMode mode, List<String> allowedDomains) {
        return new FederationPolicy(mode, allowedDomains);
    }

    public static FederationPolicy from(Settings settings) {
        return of(settings.get(Keys.FEDERATION), settings.get(Keys.FEDERATION_ALLOWED_DOMAINS));
    }

    /** Whether this server exchanges anything with {@code remoteDomain} (either way). */
    public boolean allows(String remoteDomain) {
        return switch (mode) {
            case ON -> true;
            case OFF -> false;
            case ALLOW_LIST -> {
                String d = normalize(remoteDomain);
                yield allowed.stream().anyMatch(a -> d.equals(a) || d.endsWith("." + a));
            }
        };
    }

    /** True when no other server is refused (the adapter then does nothing at all). */
    public boolean allowsEveryone() {
        return mode == FederationMode.ON;
    }

    /**
     * What to do with a stanza a local entity sends to {@code remoteDomain}. Allowed: pass. Refused: never sent;
     * the local user who sent it is told with a {@code not-allowed} error of type {@code cancel} (RFC 6120
     * 8.3.3.11, "sending to entities at a blacklisted domain") when the stanza expects an answer or an outcome: a
     * message, an IQ request, a subscription request, a room join. Errors, IQ results, other presences,
     * notifications (headline messages, PEP events the pubsub component sends from the user's address) and
     * whatever a room or another component sends are dropped without a word (no error to an error, no error storm
     * on every presence broadcast or avatar change, components have no user to tell).
     */
    public Outgoing outgoing(String remoteDomain, Stanza stanza, boolean fromLocalUser) {
        if (allows(remoteDomain)) {
            return Outgoing.PASS;
        }
        if (!fromLocalUser || "error".equals(stanza.type())) {
            return Outgoing.DROP;
        }
        boolean answer = switch (stanza.kind()) {
            case MESSAGE -> !"headline".equals(stanza.type()) && stanza.payload() != Payload.PUBSUB_EVENT;
            case IQ -> "get".equals(stanza.type()) || "set".equals(stanza.type());
            case PRESENCE -> "subscribe".equals(stanza.type())
                    || (stanza.type() == null && stanza.payload() == Payload.ROOM_JOIN);
            case OTHER -> false;
        };
        return answer ? Outgoing.bounce(refusalText(remoteDomain)) : Outgoing.DROP;
    }

    /** The {@code <text/>} of the error a local user gets. */
    public String refusalText(String remoteDomain) {
        return normalize(remoteDomain) + " cannot be reached: the administrator of this server has disabled "
                + "federation with that domain";
    }

    /** The {@code <text/>} of the policy-violation stream error a refused server gets. */
    public String streamRefusalText(String remoteDomain) {
        return "this server does not federate with " + normalize(remoteDomain)
                + ": its administrator has disabled federation with that domain";
    }

    /** One line for the start-up log. */
    public String describe() {
        return switch (mode) {
            case ON -> "federation on: every other XMPP server";
            case OFF -> "federation off: no other XMPP server (5269 refuses every stream)";
            case ALLOW_LIST -> allowed.isEmpty()
                    ? "federation allow-list is empty: no other XMPP server"
                    : "federation only with " + String.join(", ", allowed) + " (and their subdomains)";
        };
    }

    private static String normalize(String domain) {
        String d = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }

    /** The facts about a stanza the decision needs: its element, its type, what it carries that matters here. */
    public record Stanza(Kind kind, String type, Payload payload) {
        public enum Kind { MESSAGE, PRESENCE, IQ, OTHER }

        public static Stanza of(String elementName, String type, Payload payload) {
            Kind kind = switch (elementName == null ? "" : elementName) {
                case "message" -> Kind.MESSAGE;
                case "presence" -> Kind.PRESENCE;
                case "iq" -> Kind.IQ;
                default -> Kind.OTHER;
            };
            return new Stanza(kind, type == null || type.isEmpty() ? null : type, payload == null ? Payload.NONE : payload);
        }
    }

    /** A child that changes the outcome: a MUC join ({@code <x xmlns='...muc'/>}), a pubsub event notification. */
    public enum Payload { NONE, ROOM_JOIN, PUBSUB_EVENT }

    /** The outcome for one outgoing stanza: pass, drop, or drop and answer the sender with not-allowed + text. */
    public record Outgoing(Action action, String text) {
        public enum Action { PASS, DROP, BOUNCE }

        public static final Outgoing PASS = new Outgoing(Action.PASS, null);
        public static final Outgoing DROP = new Outgoing(Action.DROP, null);

        static Outgoing bounce(String text) {
            return new Outgoing(Action.BOUNCE, text);
        }
    }
}
