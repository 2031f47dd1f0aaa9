package net.bluemind.xmpp.vcard;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import net.bluemind.xmpp.common.settings.RemoteCardVisibility;
import net.bluemind.xmpp.vcard.render.AvatarRenderer;
import net.bluemind.xmpp.vcard.render.VCard4Renderer;
import net.bluemind.xmpp.vcard.render.VCardTempRenderer;
import net.bluemind.xmpp.vcard.xml.XmlNode;

/**
 * The protocol decisions of the vcard plugin, free of Tigase: what to answer to a vcard-temp (XEP-0054),
 * vCard4 (XEP-0292) or PEP avatar (XEP-0084) request, and what to put in presence (XEP-0153).
 * The adapter only parses the stanza into these calls and turns the {@link Reply} into a stanza.
 */
public final class VCardRequests {

    public static final String SET_REFUSED = "vCards come from the BlueMind address book; edit your contact details there";
    public static final String AVATAR_REFUSED = "avatars come from the BlueMind address book; change your photo there";
    static final String NO_SUCH_USER = "no such user in the BlueMind directory";
    static final String UNAVAILABLE = "the BlueMind directory is unavailable, try again later";

    private final VCardService service;
    private final RemoteCardVisibility remoteVisibility;

    /** With the default visibility to other servers ({@code contacts-business-card}). */
    public VCardRequests(VCardService service) {
        this(service, RemoteCardVisibility.CONTACTS_BUSINESS_CARD);
    }

    public VCardRequests(VCardService service, RemoteCardVisibility remoteVisibility) {
        this.service = Objects.requireNonNull(service);
        this.remoteVisibility = Objects.requireNonNull(remoteVisibility);
    }

    /** XEP-0054 {@code get} by a user of this installation. */
    public Reply vcardTemp(String target) {
        return vcardTemp(target, Requester.LOCAL_USER);
    }

    /**
     * XEP-0054 {@code get}: the card of {@code target} (a bare JID; the requester's own for a get without 'to'),
     * as much of it as {@link CardPolicy} shows {@code requester}.
     */
    public Reply vcardTemp(String target, Requester requester) {
        return card(target, requester, VCardTempRenderer::render);
    }

    /** XEP-0292 {@code get} by a user of this installation. */
    public Reply vcard4(String target) {
        return vcard4(target, Requester.LOCAL_USER);
    }

    /** XEP-0292 {@code get}, as much of the card as {@link CardPolicy} shows {@code requester}. */
    public Reply vcard4(String target, Requester requester) {
        return card(target, requester, VCard4Renderer::render);
    }

    /** The fields of a card {@code requester} may see here; empty: answer as for an address that does not exist. */
    public Set<CardField> visibleTo(Requester requester) {
        return CardPolicy.visibleFields(requester, remoteVisibility);
    }

    /**
     * The answer to whoever may see nothing of a card: what an address that does not exist gets, given without
     * reading the directory (so it cannot tell a user from a typo, nor make bm-core work).
     */
    public static Reply hidden() {
        return new Reply.Error(Reply.Condition.ITEM_NOT_FOUND, NO_SUCH_USER);
    }

    /**
     * The directory's display name of {@code jid} for a roster item added without a name; empty when the JID is
     * no directory user, has no name, or bm-core cannot say (the item then keeps no name, as before).
     */
    public Optional<String> displayName(String jid) {
        try {
            return service.contact(jid).map(Contact::formattedName).filter(n -> !n.isEmpty());
        } catch (DirectoryUnavailableException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a roster item's name is only a stand-in the directory name should replace: none, blank, or the JID's
     * local part (what Tigase names a contact created by a subscription request, and what clients such as Gajim
     * send back when the user accepts it).
     */
    public static boolean isPlaceholderName(String jid, String name) {
        if (name == null || name.isBlank()) {
            return true;
        }
        int at = jid.indexOf('@');
        return at > 0 && name.strip().equalsIgnoreCase(jid.substring(0, at));
    }

    /**
     * The name a roster item should carry instead of {@code name}: the directory's display name of {@code jid} when
     * {@code name} is only a stand-in ({@link #isPlaceholderName}), the item is not a removal ({@code subscription}
     * "remove") and the directory knows the JID with another name; empty to leave the item as it is (a name the user
     * typed, a JID outside the directory, bm-core not answering). The same for an item a user's client sends and for
     * one Tigase creates itself on a subscription.
     */
    public Optional<String> rosterName(String jid, String name, String subscription) {
        if (jid == null || "remove".equals(subscription) || !isPlaceholderName(jid, name)) {
            return Optional.empty();
        }
        return displayName(jid).filter(n -> !n.equals(name));
    }

    /** Any vCard {@code set}: the address book is the only source. */
    public Reply set() {
        return new Reply.Error(Reply.Condition.NOT_ALLOWED, SET_REFUSED);
    }

    /** A publication to an avatar node: the avatar is the address-book photo. */
    public Reply avatarPublish() {
        return new Reply.Error(Reply.Condition.NOT_ALLOWED, AVATAR_REFUSED);
    }

    /**
     * XEP-0084 pubsub {@code items} request at a user's bare JID.
     *
     * @param itemId the requested item id, or null for the current item
     */
    public Reply avatarItems(String target, String node, String itemId) {
        return avatarItems(target, node, itemId, Requester.LOCAL_USER);
    }

    /** XEP-0084 {@code items}, when {@link CardPolicy} shows {@code requester} the photo. */
    public Reply avatarItems(String target, String node, String itemId, Requester requester) {
        if (!isAvatarNode(node)) {
            return new Reply.Error(Reply.Condition.ITEM_NOT_FOUND, "only the avatar nodes are served here");
        }
        Set<CardField> shown = visibleTo(requester);
        if (shown.isEmpty()) {
            return hidden();
        }
        Lookup l;
        try {
            l = service.lookup(target);
        } catch (DirectoryUnavailableException e) {
            return new Reply.Error(Reply.Condition.INTERNAL_SERVER_ERROR, UNAVAILABLE);
        }
        if (l instanceof Lookup.NotHosted) {
            return new Reply.NotOurs();
        }
        if (!(l instanceof Lookup.Found f)) {
            return new Reply.Error(Reply.Condition.ITEM_NOT_FOUND, NO_SUCH_USER);
        }
        return AvatarRenderer.items(node, CardPolicy.restrict(f.contact(), shown).photo(), itemId)
                .<Reply>map(x -> new Reply.Result(Optional.of(x)))
                .orElseGet(() -> new Reply.Error(Reply.Condition.ITEM_NOT_FOUND, "no such avatar item"));
    }

    public static boolean isAvatarNode(String node) {
        return AvatarRenderer.METADATA_NODE.equals(node) || AvatarRenderer.DATA_NODE.equals(node);
    }

    /**
     * XEP-0153 element for {@code user}'s outgoing presence, never waiting on bm-core: the photo hash, an empty
     * {@code <photo/>} when the user has none, or a bare {@code <x/>} ("not ready") until the hash is known.
     */
    public XmlNode presenceUpdate(String user) {
        Optional<Photo> photo = service.presencePhoto(user);
        if (photo == null) {
            return XmlNode.root("x", AvatarRenderer.UPDATE_XMLNS);
        }
        return AvatarRenderer.presenceUpdate(photo);
    }

    /**
     * The XEP-0153 element {@link #presenceUpdate} would give now, but read from the cache only and without side
     * effect (no bm-core read, the avatar listeners are still told of a hash becoming known): empty while not known.
     */
    public Optional<XmlNode> knownPresenceUpdate(String user) {
        Optional<Photo> photo = service.knownPhoto(user);
        return photo == null ? Optional.empty() : Optional.of(AvatarRenderer.presenceUpdate(photo));
    }

    /**
     * The XEP-0084 metadata notification for {@code user}'s contacts, from the cache only; empty while not known.
     */
    public Optional<AvatarNotice> avatarNotice(String user) {
        Optional<Photo> photo = service.presencePhoto(user);
        return photo == null ? Optional.empty()
                : Optional.of(new AvatarNotice(AvatarRenderer.itemId(photo), AvatarRenderer.metadataEvent(photo)));
    }

    /** A metadata notification and the item id (hash) it announces, to avoid sending the same one twice. */
    public record AvatarNotice(String itemId, XmlNode event) {
    }

    private Reply card(String target, Requester requester, Function<Contact, XmlNode> renderer) {
        Set<CardField> shown = visibleTo(requester);
        if (shown.isEmpty()) {
            return hidden();
        }
        try {
            Lookup l = service.lookup(target);
            if (l instanceof Lookup.Found f) {
                return new Reply.Result(Optional.of(renderer.apply(CardPolicy.restrict(f.contact(), shown))));
            }
            if (l instanceof Lookup.NotHosted) {
                return new Reply.NotOurs();
            }
            return new Reply.Error(Reply.Condition.ITEM_NOT_FOUND, NO_SUCH_USER);
        } catch (DirectoryUnavailableException e) {
            return new Reply.Error(Reply.Condition.INTERNAL_SERVER_ERROR, UNAVAILABLE);
        }
    }
}
