package net.bluemind.xmpp.vcard;

import static net.bluemind.xmpp.common.settings.RemoteCardVisibility.CONTACTS_BUSINESS_CARD;
import static net.bluemind.xmpp.common.settings.RemoteCardVisibility.CONTACTS_FULL;
import static net.bluemind.xmpp.common.settings.RemoteCardVisibility.EVERYONE_BUSINESS_CARD;
import static net.bluemind.xmpp.common.settings.RemoteCardVisibility.EVERYONE_FULL;
import static net.bluemind.xmpp.common.settings.RemoteCardVisibility.NONE;
import static net.bluemind.xmpp.vcard.Requester.CONTACT;
import static net.bluemind.xmpp.vcard.Requester.LOCAL_USER;
import static net.bluemind.xmpp.vcard.Requester.ROOM_OCCUPANT;
import static net.bluemind.xmpp.vcard.Requester.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.RemoteCardVisibility;
import net.bluemind.xmpp.common.settings.Settings;
import org.junit.jupiter.api.Test;

/** The visibility table, case by case, and what a restricted card still holds. */
class CardPolicyTest {

    private static final Set<CardField> ALL = EnumSet.allOf(CardField.class);
    private static final Set<CardField> CARD = EnumSet.of(CardField.NAME, CardField.NICKNAME, CardField.PHOTO,
            CardField.ORG, CardField.TITLE);
    private static final Set<CardField> NOTHING = Set.of();

    private static void expect(RemoteCardVisibility setting, Set<CardField> local, Set<CardField> contact,
            Set<CardField> roomOccupant, Set<CardField> stranger) {
        assertThat(CardPolicy.visibleFields(LOCAL_USER, setting)).as("local user, %s", setting).isEqualTo(local);
        assertThat(CardPolicy.visibleFields(CONTACT, setting)).as("contact, %s", setting).isEqualTo(contact);
        assertThat(CardPolicy.visibleFields(ROOM_OCCUPANT, setting)).as("room occupant, %s", setting)
                .isEqualTo(roomOccupant);
        assertThat(CardPolicy.visibleFields(STRANGER, setting)).as("stranger, %s", setting).isEqualTo(stranger);
    }

    @Test
    void defaultContactsGetTheBusinessCardStrangersNothing() {
        assertThat(Settings.defaults().get(Keys.VCARD_REMOTE_VISIBILITY)).isEqualTo(CONTACTS_BUSINESS_CARD);
        expect(CONTACTS_BUSINESS_CARD, ALL, CARD, CARD, NOTHING);
    }

    @Test
    void noneLeavesOnlyLocalUsers() {
        expect(NONE, ALL, NOTHING, NOTHING, NOTHING);
    }

    @Test
    void contactsFullGivesContactsEverythingRoomsStillOnlyTheCard() {
        expect(CONTACTS_FULL, ALL, ALL, CARD, NOTHING);
    }

    @Test
    void everyoneBusinessCardGivesStrangersTheCard() {
        expect(EVERYONE_BUSINESS_CARD, ALL, CARD, CARD, CARD);
    }

    @Test
    void everyoneFullIsTheOldBehaviour() {
        expect(EVERYONE_FULL, ALL, ALL, ALL, ALL);
    }

    @Test
    void aLocalUserGetsEverythingWhateverTheSetting() {
        for (RemoteCardVisibility v : RemoteCardVisibility.values()) {
            assertThat(CardPolicy.visibleFields(LOCAL_USER, v)).as("%s", v).isEqualTo(ALL);
        }
    }

    @Test
    void theSettingReadsItsFiveValues() {
        assertThat(Settings.load(java.util.Map.of("vcard-remote-visibility", "everyone-business-card"))
                .get(Keys.VCARD_REMOTE_VISIBILITY)).isEqualTo(EVERYONE_BUSINESS_CARD);
        assertThat(Keys.VCARD_REMOTE_VISIBILITY.expected())
                .isEqualTo("one of none, contacts-business-card, contacts-full, everyone-business-card, everyone-full");
    }

    static Contact rich() {
        return new Contact("jeanne@acme.test", "acme.test", "u-jeanne", "Jeanne Martin",
                new Contact.Name("Martin", "Jeanne", "Marie", "Dr.", "PhD"), "jm",
                List.of(new Contact.Email("jeanne@acme.test", Set.of(Contact.EmailType.WORK))),
                List.of(new Contact.Tel("+33 1 23 45 67 89", Set.of(Contact.TelType.WORK))),
                new Contact.Org("ACME", List.of("R&D", "Platform")), "Head of R&D", "Architect",
                List.of(new Contact.Address("", "", "1 rue de la Paix", "Paris", "", "75002", "France")),
                Optional.of(LocalDate.of(1980, 2, 29)), List.of("https://acme.test/~jeanne"), "likes cats",
                Optional.of(new Photo(new byte[]{1, 2, 3}, "image/png", 1, 1, "0123456789abcdef0123456789abcdef01234567")));
    }

    @Test
    void theBusinessCardKeepsNameNicknamePhotoOrgAndTitleOnly() {
        Contact c = rich();
        Contact card = CardPolicy.restrict(c, CardField.BUSINESS_CARD);
        assertThat(card.jid()).isEqualTo(c.jid());
        assertThat(card.formattedName()).isEqualTo("Jeanne Martin");
        assertThat(card.name()).isEqualTo(c.name());
        assertThat(card.nickname()).isEqualTo("jm");
        assertThat(card.photo()).isEqualTo(c.photo());
        assertThat(card.org()).isEqualTo(c.org());
        assertThat(card.title()).isEqualTo("Head of R&D");
        assertThat(card.emails()).isEmpty();
        assertThat(card.tels()).isEmpty();
        assertThat(card.addresses()).isEmpty();
        assertThat(card.birthday()).isEmpty();
        assertThat(card.urls()).isEmpty();
        assertThat(card.note()).isEmpty();
        assertThat(card.role()).isEmpty();
        assertThat(CardPolicy.restrict(c, CardField.ALL)).isSameAs(c);
    }

    @Test
    void eachFieldIsHiddenOnItsOwn() {
        Contact c = rich();
        for (CardField hidden : CardField.values()) {
            Set<CardField> shown = EnumSet.allOf(CardField.class);
            shown.remove(hidden);
            Contact r = CardPolicy.restrict(c, shown);
            Object left = switch (hidden) {
                case NAME -> r.formattedName() + r.name().isEmpty();
                case NICKNAME -> r.nickname();
                case PHOTO -> r.photo().map(p -> "photo").orElse("");
                case ORG -> r.org().isEmpty() ? "" : "org";
                case TITLE -> r.title();
                case ROLE -> r.role();
                case EMAIL -> r.emails().isEmpty() ? "" : "emails";
                case TEL -> r.tels().isEmpty() ? "" : "tels";
                case ADDRESS -> r.addresses().isEmpty() ? "" : "addresses";
                case BIRTHDAY -> r.birthday().map(Object::toString).orElse("");
                case URL -> r.urls().isEmpty() ? "" : "urls";
                case NOTE -> r.note();
            };
            assertThat(left).as("%s hidden", hidden).isIn("", "true");
            assertThat(r.jid()).isEqualTo(c.jid());
        }
    }
}
