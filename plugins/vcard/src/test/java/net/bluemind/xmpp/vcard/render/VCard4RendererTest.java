package net.bluemind.xmpp.vcard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Optional;
import net.bluemind.xmpp.vcard.Cards;
import net.bluemind.xmpp.vcard.Photo;
import net.bluemind.xmpp.vcard.xml.Xml;
import org.junit.jupiter.api.Test;

class VCard4RendererTest {

    @Test
    void richCardInXCardFormat() {
        Photo photo = VCardTempRendererTest.photo();
        String xml = VCard4Renderer.render(VCardTempRendererTest.rich(Optional.of(photo))).toString();
        Xml x = Xml.parse(xml, VCard4Renderer.XMLNS);

        assertThat(x.rootNamespace()).isEqualTo("urn:ietf:params:xml:ns:vcard-4.0");
        assertThat(x.text("/v:vcard/v:fn/v:text")).isEqualTo("Dr. Jeanne O'Brien-Müller");
        assertThat(x.text("/v:vcard/v:n/v:surname")).isEqualTo("O'Brien-Müller");
        assertThat(x.text("/v:vcard/v:n/v:given")).isEqualTo("Jeanne");
        assertThat(x.text("/v:vcard/v:n/v:additional")).isEqualTo("Marie");
        assertThat(x.text("/v:vcard/v:nickname/v:text")).isEqualTo("jom");
        assertThat(x.text("/v:vcard/v:bday/v:date")).isEqualTo("1980-02-29");
        assertThat(x.count("/v:vcard/v:email[v:text='jeanne@acme.test'][v:parameters/v:type/v:text='work'][v:parameters/v:pref/v:integer='1']")).isEqualTo(1);
        assertThat(x.count("/v:vcard/v:email[v:text='jeanne@home.test'][v:parameters/v:type/v:text='home']")).isEqualTo(1);
        assertThat(x.count("/v:vcard/v:tel[v:uri='tel:+33 6 00 00 00 01'][v:parameters/v:type/v:text='cell']")).isEqualTo(1);
        assertThat(x.count("/v:vcard/v:tel[v:uri='tel:+33 1 23 45 67 90'][v:parameters/v:type/v:text='fax'][v:parameters/v:type/v:text='work']")).isEqualTo(1);
        assertThat(x.text("/v:vcard/v:impp/v:uri")).isEqualTo("xmpp:jeanne@acme.test");
        assertThat(x.text("/v:vcard/v:org/v:text[1]")).isEqualTo("ACME & Sons");
        assertThat(x.text("/v:vcard/v:org/v:text[3]")).isEqualTo("Platform");
        assertThat(x.text("/v:vcard/v:title/v:text")).isEqualTo("Head of <R&D>");
        assertThat(x.text("/v:vcard/v:role/v:text")).isEqualTo("Architect");
        assertThat(x.text("/v:vcard/v:adr/v:code")).isEqualTo("75002");
        assertThat(x.text("/v:vcard/v:adr/v:country")).isEqualTo("France");
        assertThat(x.text("/v:vcard/v:url/v:uri")).isEqualTo("https://acme.test/~jeanne?a=1&b=2");
        assertThat(x.text("/v:vcard/v:note/v:text")).isEqualTo(Cards.AWKWARD_NOTE_CLEANED);
        String uri = x.text("/v:vcard/v:photo/v:uri");
        assertThat(uri).startsWith("data:image/png;base64,");
        assertThat(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1))).isEqualTo(photo.bytes());
    }
}
