package net.bluemind.xmpp.vcard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Optional;
import net.bluemind.xmpp.common.core.VCard;
import net.bluemind.xmpp.vcard.Cards;
import net.bluemind.xmpp.vcard.Contact;
import net.bluemind.xmpp.vcard.ContactMapper;
import net.bluemind.xmpp.vcard.Images;
import net.bluemind.xmpp.vcard.Photo;
import net.bluemind.xmpp.vcard.PhotoProcessor;
import net.bluemind.xmpp.vcard.xml.Xml;
import org.junit.jupiter.api.Test;

class VCardTempRendererTest {

    static Photo photo() {
        return new PhotoProcessor(192, 65536).process("t", Images.gradient(40, 30, "png")).orElseThrow();
    }

    static Contact rich(Optional<Photo> photo) {
        return ContactMapper.map("jeanne@acme.test", "acme.test", "u-jeanne", "Jeanne", Cards.rich(), photo);
    }

    @Test
    void everyFieldOfARichCardIsRendered() {
        Photo photo = photo();
        Xml x = Xml.parse(VCardTempRenderer.render(rich(Optional.of(photo))).toString(), "vcard-temp");

        assertThat(x.rootNamespace()).isEqualTo("vcard-temp");
        assertThat(x.text("/v:vCard/v:FN")).isEqualTo("Dr. Jeanne O'Brien-Müller");
        assertThat(x.text("/v:vCard/v:N/v:FAMILY")).isEqualTo("O'Brien-Müller");
        assertThat(x.text("/v:vCard/v:N/v:GIVEN")).isEqualTo("Jeanne");
        assertThat(x.text("/v:vCard/v:N/v:MIDDLE")).isEqualTo("Marie");
        assertThat(x.text("/v:vCard/v:N/v:PREFIX")).isEqualTo("Dr.");
        assertThat(x.text("/v:vCard/v:N/v:SUFFIX")).isEqualTo("PhD");
        assertThat(x.text("/v:vCard/v:NICKNAME")).isEqualTo("jom");
        assertThat(x.text("/v:vCard/v:BDAY")).isEqualTo("1980-02-29");

        assertThat(x.count("/v:vCard/v:EMAIL")).isEqualTo(2);
        assertThat(x.count("/v:vCard/v:EMAIL[v:USERID='jeanne@acme.test'][v:INTERNET][v:WORK][v:PREF][not(v:HOME)]")).isEqualTo(1);
        assertThat(x.count("/v:vCard/v:EMAIL[v:USERID='jeanne@home.test'][v:INTERNET][v:HOME][not(v:PREF)]")).isEqualTo(1);

        assertThat(x.count("/v:vCard/v:TEL")).isEqualTo(4);
        assertThat(x.count("/v:vCard/v:TEL[v:NUMBER='+33 1 23 45 67 89'][v:WORK][v:VOICE]")).isEqualTo(1);
        assertThat(x.count("/v:vCard/v:TEL[v:NUMBER='+33 6 00 00 00 01'][v:CELL][not(v:VOICE)]")).isEqualTo(1);
        assertThat(x.count("/v:vCard/v:TEL[v:NUMBER='+33 1 23 45 67 90'][v:WORK][v:FAX][not(v:VOICE)]")).isEqualTo(1);
        assertThat(x.count("/v:vCard/v:TEL[v:NUMBER='+33 4 00 00 00 02'][v:HOME][v:VOICE]")).isEqualTo(1);

        assertThat(x.text("/v:vCard/v:ORG/v:ORGNAME")).isEqualTo("ACME & Sons");
        assertThat(x.text("/v:vCard/v:ORG/v:ORGUNIT[1]")).isEqualTo("Engineering");
        assertThat(x.text("/v:vCard/v:ORG/v:ORGUNIT[2]")).isEqualTo("Platform");
        assertThat(x.text("/v:vCard/v:TITLE")).isEqualTo("Head of <R&D>");
        assertThat(x.text("/v:vCard/v:ROLE")).isEqualTo("Architect");

        assertThat(x.text("/v:vCard/v:ADR/v:POBOX")).isEqualTo("BP 12");
        assertThat(x.text("/v:vCard/v:ADR/v:EXTADD")).isEqualTo("Bât. B");
        assertThat(x.text("/v:vCard/v:ADR/v:STREET")).isEqualTo("1 rue de la Paix");
        assertThat(x.text("/v:vCard/v:ADR/v:LOCALITY")).isEqualTo("Paris");
        assertThat(x.text("/v:vCard/v:ADR/v:REGION")).isEqualTo("Île-de-France");
        assertThat(x.text("/v:vCard/v:ADR/v:PCODE")).isEqualTo("75002");
        assertThat(x.text("/v:vCard/v:ADR/v:CTRY")).isEqualTo("France");

        assertThat(x.text("/v:vCard/v:URL")).isEqualTo("https://acme.test/~jeanne?a=1&b=2");
        assertThat(x.text("/v:vCard/v:NOTE")).isEqualTo(Cards.AWKWARD_NOTE_CLEANED);
        assertThat(x.text("/v:vCard/v:JABBERID")).isEqualTo("jeanne@acme.test");

        assertThat(x.text("/v:vCard/v:PHOTO/v:TYPE")).isEqualTo("image/png");
        assertThat(Base64.getDecoder().decode(x.text("/v:vCard/v:PHOTO/v:BINVAL"))).isEqualTo(photo.bytes());
    }

    @Test
    void aBareCardHasOnlyWhatIsKnown() {
        Contact c = ContactMapper.map("bob@acme.test", "acme.test", "u-bob", "Bob B", null, Optional.empty());
        Xml x = Xml.parse(VCardTempRenderer.render(c).toString(), "vcard-temp");
        assertThat(x.text("/v:vCard/v:FN")).isEqualTo("Bob B");
        assertThat(x.text("/v:vCard/v:JABBERID")).isEqualTo("bob@acme.test");
        assertThat(x.count("/v:vCard/*")).isEqualTo(2);
    }

    @Test
    void formattedNameFallsBackToGivenAndFamilyNames() {
        VCard card = new VCard(new VCard.Identification(null, new VCard.Name("Doe", "Jane", null, null, null), null,
                null, null), null, null, null, null);
        Contact c = ContactMapper.map("jane@acme.test", "acme.test", "u", "ignored", card, Optional.empty());
        assertThat(c.formattedName()).isEqualTo("Jane Doe");
    }
}
