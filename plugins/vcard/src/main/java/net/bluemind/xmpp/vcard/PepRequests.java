package net.bluemind.xmpp.vcard;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.bluemind.xmpp.vcard.render.AvatarRenderer;
import net.bluemind.xmpp.vcard.render.PepItemRenderer;

/**
 * Who answers a PEP request to a local account, free of Tigase. The directory owns four nodes, served from the
 * address book and refused to publishers: XEP-0084 avatar metadata and data, XEP-0292 {@code urn:xmpp:vcard4},
 * XEP-0172 nick. Every other node belongs to the server's PEP service when one is deployed (tigase-pubsub);
 * without one, such requests get one {@code service-unavailable}.
 */
public final class PepRequests {

    public static final Set<String> DIRECTORY_NODES = Set.of(AvatarRenderer.METADATA_NODE, AvatarRenderer.DATA_NODE,
            PepItemRenderer.VCARD4_NODE, PepItemRenderer.NICK_NODE);
    public static final String NO_PEP_SERVICE = "this server has no PEP service: only the directory nodes "
            + "(avatar, vCard4, nick) are served here";
    static final String NICK_REFUSED = "nicknames come from the BlueMind address book; edit your contact details there";
    static final String ONLY_ITEMS = "this node is served from the BlueMind address book: only its items can be read";

    private final VCardService service;
    private final VCardRequests requests;

    public PepRequests(VCardService service, VCardRequests requests) {
        this.service = Objects.requireNonNull(service);
        this.requests = Objects.requireNonNull(requests);
    }

    public static boolean isDirectoryNode(String node) {
        return node != null && DIRECTORY_NODES.contains(node);
    }

    /**
     * Whether the request is answered here (never reading the directory, so the adapter may decide on Tigase's
     * threads): a directory node always, any other node only when no PEP service is deployed.
     */
    public static boolean answeredHere(String node, boolean pepServiceDeployed) {
        return isDirectoryNode(node) || !pepServiceDeployed;
    }

    /** The one answer to a request {@link #answeredHere} claimed by a user of this installation. */
    public Reply answer(PepRequest r) {
        return answer(r, Requester.LOCAL_USER);
    }

    /**
     * The one answer to a request {@link #answeredHere} claimed; may read the directory (bm-core). Items are
     * served as far as {@link CardPolicy} shows {@code requester} the card; whoever may see nothing gets what an
     * address that does not exist gets.
     */
    public Reply answer(PepRequest r, Requester requester) {
        if (!isDirectoryNode(r.node())) {
            return new Reply.Error(Reply.Condition.SERVICE_UNAVAILABLE, NO_PEP_SERVICE);
        }
        if (r.set()) {
            return new Reply.Error(Reply.Condition.NOT_ALLOWED, refusal(r.node()));
        }
        if (!"items".equals(r.operation())) {
            return new Reply.Error(Reply.Condition.FEATURE_NOT_IMPLEMENTED, ONLY_ITEMS);
        }
        Reply reply = VCardRequests.isAvatarNode(r.node())
                ? requests.avatarItems(r.target(), r.node(), r.itemId(), requester) : cardItems(r, requester);
        // a local Tigase domain BlueMind does not know: nobody's card to serve
        return reply instanceof Reply.NotOurs ? new Reply.Error(Reply.Condition.ITEM_NOT_FOUND,
                VCardRequests.NO_SUCH_USER) : reply;
    }

    private Reply cardItems(PepRequest r, Requester requester) {
        Set<CardField> shown = requests.visibleTo(requester);
        if (shown.isEmpty()) {
            return VCardRequests.hidden();
        }
        Lookup l;
        try {
            l = service.lookup(r.target());
        } catch (DirectoryUnavailableException e) {
            return new Reply.Error(Reply.Condition.INTERNAL_SERVER_ERROR, VCardRequests.UNAVAILABLE);
        }
        if (l instanceof Lookup.NotHosted) {
            return new Reply.NotOurs();
        }
        if (!(l instanceof Lookup.Found f)) {
            return new Reply.Error(Reply.Condition.ITEM_NOT_FOUND, VCardRequests.NO_SUCH_USER);
        }
        return PepItemRenderer.items(r.node(), CardPolicy.restrict(f.contact(), shown), r.itemId())
                .<Reply>map(x -> new Reply.Result(Optional.of(x)))
                .orElseGet(() -> new Reply.Error(Reply.Condition.ITEM_NOT_FOUND, "no such item"));
    }

    private static String refusal(String node) {
        if (VCardRequests.isAvatarNode(node)) {
            return VCardRequests.AVATAR_REFUSED;
        }
        return PepItemRenderer.NICK_NODE.equals(node) ? NICK_REFUSED : VCardRequests.SET_REFUSED;
    }
}
