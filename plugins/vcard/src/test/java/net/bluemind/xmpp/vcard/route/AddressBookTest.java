package net.bluemind.xmpp.vcard.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.vcard.SimulatedCore;
import net.bluemind.xmpp.vcard.VCardService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who owns an address, against the bm-core simulator's fixture (corp.test and bm.test are aliases of bluemind.test). */
class AddressBookTest {

    private SimulatedCore core;
    private AddressBook book;
    private final AtomicLong nanos = new AtomicLong();

    @BeforeEach
    void start() {
        core = new SimulatedCore(Duration.ofMillis(700));
        VCardService cards = core.service(Duration.ofMinutes(15), Runnable::run);
        book = new AddressBook(cards, Duration.ofSeconds(10), nanos::get);
        book.hostedDomains(Set.of("bluemind.test", "bm.test", "corp.test", "acme.test")::contains);
    }

    @AfterEach
    void stop() {
        core.close();
    }

    @Test
    void anAddressOfAUserAtAnAliasOrTheDomainIsTheirs() {
        assertThat(book.resolve("alice@bluemind.test")).isEqualTo(new Address.Owner("alice@bluemind.test"));
        assertThat(book.resolve("alice@corp.test")).as("allAliases address at an alias").isEqualTo(new Address.Owner("alice@bluemind.test"));
        assertThat(book.resolve("Alice@BM.test")).isEqualTo(new Address.Owner("alice@bluemind.test"));
        assertThat(book.resolve("alice.liddell@corp.test")).as("an address only at the alias").isEqualTo(new Address.Owner("alice@bluemind.test"));
        assertThat(book.resolve("a.liddell@bluemind.test")).as("another address at the domain").isEqualTo(new Address.Owner("alice@bluemind.test"));
        assertThat(book.resolve("a.liddell@corp.test")).as("not allAliases: nobody's at the alias").isEqualTo(Address.NOBODY);
    }

    @Test
    void nobodyIsRememberedBrieflyAndForgottenOnADirectoryEvent() {
        assertThat(book.resolve("nobody@bluemind.test")).isEqualTo(Address.NOBODY);
        core.sim.resetCounters();
        assertThat(book.resolve("nobody@bluemind.test")).isEqualTo(Address.NOBODY);
        assertThat(core.sim.requests("/api/")).as("remembered: no bm-core read").isZero();
        core.sim.addUser("nobody@bluemind.test", "pw", "hasIM");
        book.onEvent(new BusEvent(BusEvent.DIRECTORY, "user.updated", Map.of("domain", "bluemind.test", "uid", "x")));
        assertThat(book.resolve("nobody@bluemind.test")).isEqualTo(new Address.Owner("nobody@bluemind.test"));
        assertThat(book.resolve("ghost@bluemind.test")).isEqualTo(Address.NOBODY);
        core.sim.addUser("ghost@bluemind.test", "pw", "hasIM");
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(book.resolve("ghost@bluemind.test")).as("after the TTL").isEqualTo(new Address.Owner("ghost@bluemind.test"));
    }

    @Test
    void domainsNotHostedAndServerAddressesAreNeverLookedUp() {
        core.sim.resetCounters();
        assertThat(book.resolve("pia@partner.test")).isEqualTo(Address.UNKNOWN);
        assertThat(book.resolve("bluemind.test")).isEqualTo(Address.UNKNOWN);
        assertThat(book.resolve("@bluemind.test")).isEqualTo(Address.UNKNOWN);
        assertThat(core.sim.requests("/api/")).isZero();
    }

    @Test
    void bmCoreDownAndNothingKnownIsUnknown() {
        core.sim.failWith(503);
        assertThat(book.resolve("bob@corp.test")).isEqualTo(Address.UNKNOWN);
        assertThat(book.resolve("nobody2@corp.test")).isEqualTo(Address.UNKNOWN);
    }
}
