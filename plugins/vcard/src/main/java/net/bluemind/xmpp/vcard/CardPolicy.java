package net.bluemind.xmpp.vcard;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.bluemind.xmpp.common.settings.RemoteCardVisibility;

/**
 * What the directory tells whom: the fields of a user's card a requester may see (vcard-temp, vCard4, nick,
 * avatar alike). An empty answer means the requester is answered exactly as for an address that does not exist,
 * so a stranger cannot tell users from typos.
 *
 * <pre>
 * setting                   local user  contact        room occupant  stranger
 * none                      all         nothing        nothing        nothing
 * contacts-business-card    all         business card  business card  nothing      (default)
 * contacts-full             all         all            business card  nothing
 * everyone-business-card    all         business card  business card  business card
 * everyone-full             all         all            all            all
 * </pre>
 *
 * A room occupant ({@link Requester#ROOM_OCCUPANT}) may be anyone in the room, a stranger from elsewhere
 * included; it never gets more than the business card unless everyone gets everything.
 */
public final class CardPolicy {

    private CardPolicy() {
    }

    /** The one decision: the fields of the card {@code requester} may see under {@code setting}. */
    public static Set<CardField> visibleFields(Requester requester, RemoteCardVisibility setting) {
        if (requester == Requester.LOCAL_USER || setting == RemoteCardVisibility.EVERYONE_FULL) {
            return CardField.ALL;
        }
        return switch (setting) {
            case NONE -> Set.of();
            case CONTACTS_BUSINESS_CARD -> requester == Requester.STRANGER ? Set.of() : CardField.BUSINESS_CARD;
            case CONTACTS_FULL -> switch (requester) {
                case CONTACT -> CardField.ALL;
                case ROOM_OCCUPANT -> CardField.BUSINESS_CARD;
                default -> Set.of();
            };
            case EVERYONE_BUSINESS_CARD -> CardField.BUSINESS_CARD;
            case EVERYONE_FULL -> CardField.ALL;
        };
    }

    /** {@code c} with every field not in {@code shown} left empty, ready for any renderer. */
    public static Contact restrict(Contact c, Set<CardField> shown) {
        if (shown.containsAll(CardField.ALL)) {
            return c;
        }
        boolean name = shown.contains(CardField.NAME);
        return new Contact(c.jid(), c.domainUid(), c.uid(),
                name ? c.formattedName() : "",
                name ? c.name() : new Contact.Name("", "", "", "", ""),
                shown.contains(CardField.NICKNAME) ? c.nickname() : "",
                shown.contains(CardField.EMAIL) ? c.emails() : List.of(),
                shown.contains(CardField.TEL) ? c.tels() : List.of(),
                shown.contains(CardField.ORG) ? c.org() : new Contact.Org("", List.of()),
                shown.contains(CardField.TITLE) ? c.title() : "",
                shown.contains(CardField.ROLE) ? c.role() : "",
                shown.contains(CardField.ADDRESS) ? c.addresses() : List.of(),
                shown.contains(CardField.BIRTHDAY) ? c.birthday() : Optional.empty(),
                shown.contains(CardField.URL) ? c.urls() : List.of(),
                shown.contains(CardField.NOTE) ? c.note() : "",
                shown.contains(CardField.PHOTO) ? c.photo() : Optional.empty());
    }
}
