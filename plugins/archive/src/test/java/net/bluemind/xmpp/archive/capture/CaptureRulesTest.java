package net.bluemind.xmpp.archive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import org.junit.jupiter.api.Test;

class CaptureRulesTest {

    private final CaptureRules rules = new CaptureRules(Set.of("acme.test")::contains, new ArchiveId(), () -> 1_700_000_000_000L);

    private static Stanza chat(String from, String to, String body) {
        return new Stanza("chat", from, to, "c1", body, null, false, false);
    }

    @Test
    void localToLocalIsArchivedOnceAtTheSenderForBothOwners() {
        Optional<ArchivedMessage> out = rules.decide(chat("Alice@acme.test/phone", "bob@acme.test/pc", "hi"), Direction.OUTGOING);
        assertThat(out).get().satisfies(m -> {
            assertThat(m.from()).isEqualTo("alice@acme.test");
            assertThat(m.to()).isEqualTo("bob@acme.test");
            assertThat(m.owners()).containsExactly("alice@acme.test", "bob@acme.test");
            assertThat(m.message()).isEqualTo("hi");
            assertThat(m.type()).isEqualTo("chat");
            assertThat(m.originid()).isEqualTo("c1");
            assertThat(m.timecreate()).isEqualTo(1_700_000_000_000L);
            assertThat(ArchiveId.timeOf(m.id())).hasValue(1_700_000_000_000L);
        });
        assertThat(rules.decide(chat("alice@acme.test/phone", "bob@acme.test/pc", "hi"), Direction.INCOMING)).isEmpty();
    }

    @Test
    void theResourcesOfTheOriginalStanzaAreKeptBesideTheBareJids() {
        // XEP-0313: a MAM result carries the original message, its full 'from' included (interop suite, mamTest)
        assertThat(rules.decide(chat("alice@acme.test/phone", "bob@acme.test", "hi"), Direction.OUTGOING)).get().satisfies(m -> {
            assertThat(m.from()).isEqualTo("alice@acme.test");
            assertThat(m.fromresource()).isEqualTo("phone");
            assertThat(m.toresource()).isNull();
            assertThat(m.fullFrom()).isEqualTo("alice@acme.test/phone");
            assertThat(m.fullTo()).isEqualTo("bob@acme.test");
        });
        assertThat(rules.decide(chat("alice@acme.test", "bob@acme.test/pc", "hi"), Direction.OUTGOING)).get().satisfies(m -> {
            assertThat(m.fromresource()).isNull();
            assertThat(m.fullTo()).isEqualTo("bob@acme.test/pc");
        });
        Stanza groupchat = new Stanza("groupchat", "alice@acme.test/phone", "room@conference.acme.test/x", "g", "all", null, false, false);
        assertThat(rules.decide(groupchat, Direction.OUTGOING)).get().satisfies(m -> {
            assertThat(m.fromresource()).isNull();
            assertThat(m.toresource()).isNull();
        });
    }

    @Test
    void toAnotherServerIsArchivedForTheLocalSenderOnly() {
        assertThat(rules.decide(chat("alice@acme.test", "zoe@other.example", "yo"), Direction.OUTGOING))
                .get().extracting(ArchivedMessage::owners).asList().containsExactly("alice@acme.test");
    }

    @Test
    void fromAnotherServerIsArchivedAtDeliveryForTheLocalRecipient() {
        assertThat(rules.decide(chat("zoe@other.example/x", "alice@acme.test", "yo"), Direction.INCOMING))
                .get().extracting(ArchivedMessage::owners).asList().containsExactly("alice@acme.test");
    }

    @Test
    void messageToSelfHasOneOwner() {
        assertThat(rules.decide(chat("alice@acme.test/a", "alice@acme.test/b", "note"), Direction.OUTGOING))
                .get().extracting(ArchivedMessage::owners).asList().containsExactly("alice@acme.test");
    }

    @Test
    void normalAndUntypedAreArchivedAsNormal() {
        Stanza untyped = new Stanza(null, "alice@acme.test", "bob@acme.test", null, "x", "t1", false, false);
        assertThat(rules.decide(untyped, Direction.OUTGOING)).get().satisfies(m -> {
            assertThat(m.type()).isEqualTo("normal");
            assertThat(m.thread()).isEqualTo("t1");
            assertThat(m.originid()).isNull();
        });
    }

    @Test
    void groupchatIsArchivedOnceOwnedByTheRoom() {
        Stanza g = new Stanza("groupchat", "alice@acme.test/a", "room@conference.acme.test", "g1", "all", null, false, false);
        assertThat(rules.decide(g, Direction.OUTGOING)).get().satisfies(m -> {
            assertThat(m.owners()).containsExactly("room@conference.acme.test");
            assertThat(m.to()).isEqualTo("room@conference.acme.test");
            assertThat(m.from()).isEqualTo("alice@acme.test");
        });
        Stanza reflected = new Stanza("groupchat", "room@conference.acme.test/alice", "bob@acme.test/pc", "g1", "all", null,
                false, false);
        assertThat(rules.decide(reflected, Direction.INCOMING)).isEmpty();
    }

    @Test
    void errorsHeadlinesCarbonsChatStatesAndNoStoreAreNotArchived() {
        assertThat(rules.decide(new Stanza("error", "alice@acme.test", "bob@acme.test", null, "x", null, false, false),
                Direction.OUTGOING)).isEmpty();
        assertThat(rules.decide(new Stanza("headline", "alice@acme.test", "bob@acme.test", null, "x", null, false, false),
                Direction.OUTGOING)).isEmpty();
        assertThat(rules.decide(new Stanza("chat", "alice@acme.test", "bob@acme.test", null, "x", null, true, false),
                Direction.OUTGOING)).isEmpty();
        assertThat(rules.decide(chat("alice@acme.test", "bob@acme.test", null), Direction.OUTGOING)).isEmpty();
        assertThat(rules.decide(chat("alice@acme.test", "bob@acme.test", "  \n"), Direction.OUTGOING)).isEmpty();
        assertThat(rules.decide(new Stanza("chat", "alice@acme.test", "bob@acme.test", null, "x", null, false, true),
                Direction.OUTGOING)).isEmpty();
        assertThat(rules.decide(new Stanza("weird", "alice@acme.test", "bob@acme.test", null, "x", null, false, false),
                Direction.OUTGOING)).isEmpty();
    }

    @Test
    void missingAddressesAreNotArchived() {
        assertThat(rules.decide(chat(null, "bob@acme.test", "x"), Direction.OUTGOING)).isEmpty();
        assertThat(rules.decide(chat("alice@acme.test", "", "x"), Direction.OUTGOING)).isEmpty();
    }

    @Test
    void idsAreUniqueAndCarryTheirTime() {
        ArchiveId ids = new ArchiveId();
        assertThat(ids.next(5)).isNotEqualTo(ids.next(5));
        assertThat(ArchiveId.timeOf(ids.next(123456789L))).hasValue(123456789L);
        assertThat(ArchiveId.timeOf("nope")).isEmpty();
        assertThat(ArchiveId.timeOf("*")).isEmpty();
    }
}
