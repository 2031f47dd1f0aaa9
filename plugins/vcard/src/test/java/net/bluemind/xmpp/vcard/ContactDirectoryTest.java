package net.bluemind.xmpp.vcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.bluemind.xmpp.vcard.render.VCard4Renderer;
import net.bluemind.xmpp.vcard.render.VCardTempRenderer;
import net.bluemind.xmpp.vcard.xml.Xml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading cards from the bm-core simulator over real HTTP, with its rich and its awkward fixture users. */
class ContactDirectoryTest {

    static SimulatedCore core;
    static ContactDirectory directory;

    @BeforeAll
    static void start() {
        core = new SimulatedCore(Duration.ofSeconds(2));
        directory = core.directory();
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    @AfterEach
    void heal() {
        core.sim.healthy();
    }

    static Contact found(Lookup l) {
        assertThat(l).isInstanceOf(Lookup.Found.class);
        return ((Lookup.Found) l).contact();
    }

    @Test
    void aliceRichCardRendersEveryField() throws Exception {
        Contact alice = found(directory.fetch("Alice@BlueMind.test"));
        Xml x = Xml.parse(VCardTempRenderer.render(alice).toString(), "vcard-temp");
        assertThat(x.text("/v:vCard/v:FN")).isEqualTo("Alice Liddell");
        assertThat(x.text("/v:vCard/v:N/v:FAMILY")).isEqualTo("Liddell");
        assertThat(x.text("/v:vCard/v:N/v:GIVEN")).isEqualTo("Alice");
        assertThat(x.text("/v:vCard/v:N/v:MIDDLE")).isEqualTo("Pleasance");
        assertThat(x.text("/v:vCard/v:N/v:PREFIX")).isEqualTo("Ms");
        assertThat(x.text("/v:vCard/v:N/v:SUFFIX")).isEqualTo("PhD");
        assertThat(x.text("/v:vCard/v:NICKNAME")).isEqualTo("ali");
        assertThat(x.text("/v:vCard/v:BDAY")).isEqualTo(LocalDate.ofEpochDay(263174400000L / 86_400_000L).toString());
        assertThat(x.count("/v:vCard/v:EMAIL[v:USERID='alice@bluemind.test'][v:INTERNET][v:WORK][v:PREF]")).isEqualTo(1);
        assertThat(x.count("/v:vCard/v:EMAIL[v:USERID='alice.home@example.org'][v:HOME][not(v:PREF)]")).isEqualTo(1);
        assertThat(x.count("/v:vCard/v:TEL[v:NUMBER='+33 5 61 00 00 01'][v:WORK][v:VOICE]")).isEqualTo(1);
        assertThat(x.count("/v:vCard/v:TEL[v:NUMBER='+33 6 00 00 00 01'][v:CELL]")).isEqualTo(1);
        assertThat(x.text("/v:vCard/v:JABBERID")).isEqualTo("alice@bluemind.test");
        // a 96x96 PNG is served byte for byte
        assertThat(x.text("/v:vCard/v:PHOTO/v:TYPE")).isEqualTo("image/png");
        byte[] served = Base64.getDecoder().decode(x.text("/v:vCard/v:PHOTO/v:BINVAL"));
        assertThat(served).isEqualTo(core.sim.photo("alice@bluemind.test").orElseThrow());
        assertThat(alice.photoHash()).contains(PhotoProcessor.sha1Hex(served));

        Xml v4 = Xml.parse(VCard4Renderer.render(alice).toString(), VCard4Renderer.XMLNS);
        assertThat(v4.text("/v:vcard/v:fn/v:text")).isEqualTo("Alice Liddell");
        assertThat(v4.text("/v:vcard/v:impp/v:uri")).isEqualTo("xmpp:alice@bluemind.test");
        assertThat(v4.text("/v:vcard/v:photo/v:uri")).startsWith("data:image/png;base64,");
    }

    @Test
    void anAliasOfAnAliasDomainFindsTheUserUnderTheirDefaultJid() throws Exception {
        Contact alice = found(directory.fetch("alice.liddell@corp.test"));
        assertThat(alice.jid()).isEqualTo("alice@bluemind.test");
        assertThat(alice.uid()).isEqualTo("u-alice");
    }

    @Test
    void graceHasOrgRoleUrlAndAPhotoScaledToTheLimit() throws Exception {
        Contact grace = found(directory.fetch("grace@acme.test"));
        Xml x = Xml.parse(VCardTempRenderer.render(grace).toString(), "vcard-temp");
        assertThat(x.text("/v:vCard/v:ORG/v:ORGNAME")).isEqualTo("ACME");
        assertThat(x.text("/v:vCard/v:ORG/v:ORGUNIT")).isEqualTo("Navy");
        assertThat(x.text("/v:vCard/v:TITLE")).isEqualTo("Rear Admiral");
        assertThat(x.text("/v:vCard/v:ROLE")).isEqualTo("Compiler author");
        assertThat(x.text("/v:vCard/v:URL")).isEqualTo("https://acme.test/grace");
        assertThat(x.text("/v:vCard/v:BDAY")).isEqualTo(LocalDate.ofEpochDay(-1997049600000L / 86_400_000L).toString());
        Photo p = grace.photo().orElseThrow();
        BufferedImage img = Images.decode(p.bytes());
        assertThat(img.getWidth()).isEqualTo(192);
        assertThat(img.getHeight()).isEqualTo(115);
    }

    @Test
    void bobsHugeNoisePhotoIsScaledUnderBothLimits() throws Exception {
        byte[] original = core.sim.photo("bob@bluemind.test").orElseThrow();
        assertThat(original.length).isGreaterThan(64 * 1024);
        Photo p = found(directory.fetch("bob@bluemind.test")).photo().orElseThrow();
        BufferedImage img = Images.decode(p.bytes());
        assertThat(Images.isPng(p.bytes())).isTrue();
        assertThat(img.getWidth()).isLessThanOrEqualTo(192).isEqualTo(img.getHeight()).isEqualTo(p.width());
        assertThat(p.bytes().length).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void zoesAwkwardCardStaysWellFormedAndHerCorruptPhotoIsDroppedWithALogLine() throws Exception {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            public void publish(LogRecord r) {
                logged.add(r);
            }

            public void flush() {
            }

            public void close() {
            }
        };
        Logger.getLogger(PhotoProcessor.class.getName()).addHandler(h);
        try {
            Contact zoe = found(directory.fetch("zoe@bluemind.test"));
            assertThat(zoe.photo()).isEmpty();
            assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).contains("zoe@bluemind.test").contains("dropped"));
            Xml x = Xml.parse(VCardTempRenderer.render(zoe).toString(), "vcard-temp");
            assertThat(x.text("/v:vCard/v:FN")).isEqualTo("Zoë \"Z\" <&> O'Brien");
            assertThat(x.text("/v:vCard/v:N/v:FAMILY")).isEqualTo("O'Brien <&>");
            assertThat(x.text("/v:vCard/v:N/v:PREFIX")).isEqualTo("Dr. \"Z\"");
            assertThat(x.text("/v:vCard/v:NICKNAME")).isEqualTo("<zoe>&amp;");
            assertThat(x.text("/v:vCard/v:TITLE")).isEqualTo("Ingénieure <R&D>");
            assertThat(x.text("/v:vCard/v:ORG/v:ORGNAME")).isEqualTo("Société \"Générale\" & Cie");
            assertThat(x.text("/v:vCard/v:NOTE")).isEqualTo("line one\nline two with a control char, ]]> and </note>");
            assertThat(x.count("/v:vCard/v:PHOTO")).isZero();
            Xml v4 = Xml.parse(VCard4Renderer.render(zoe).toString(), VCard4Renderer.XMLNS);
            assertThat(v4.text("/v:vcard/v:note/v:text")).contains("]]> and </note>");
        } finally {
            Logger.getLogger(PhotoProcessor.class.getName()).removeHandler(h);
        }
    }

    @Test
    void unknownArchivedAndSystemUsersAreNotFound() throws Exception {
        assertThat(directory.fetch("nobody@bluemind.test")).isInstanceOf(Lookup.NoSuchUser.class);
        assertThat(directory.fetch("dave@bluemind.test")).isInstanceOf(Lookup.NoSuchUser.class);
        assertThat(directory.fetch("bmhiddensysadmin@bluemind.test")).isInstanceOf(Lookup.NoSuchUser.class);
        assertThat(directory.fetch("bluemind.test")).isInstanceOf(Lookup.NoSuchUser.class);
    }

    @Test
    void foreignAndAdminDomainsAreNotOurs() throws Exception {
        assertThat(directory.fetch("someone@jabber.example.org")).isInstanceOf(Lookup.NotHosted.class);
        assertThat(directory.fetch("admin0@global.virt")).isInstanceOf(Lookup.NotHosted.class);
    }

    @Test
    void aUserWithoutTheImRoleIsStillADirectoryColleague() throws Exception {
        assertThat(found(directory.fetch("carol@bluemind.test")).formattedName()).isEqualTo("Carol Without IM");
    }
}
