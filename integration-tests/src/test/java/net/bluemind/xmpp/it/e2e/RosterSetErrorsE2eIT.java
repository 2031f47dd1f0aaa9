package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import net.bluemind.xmpp.it.e2e.RosterVersioningE2eIT.Client;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The roster sets RFC 6121 says a server must refuse (2.3.3, 2.5.3), in raw XML: stock Tigase 8.4.0 carried them
 * out, answering with a result and pushes (several items added at once, a group kept twice, an empty group, the
 * removal of an item it did not have). Each must get the error RFC 6121 names and leave the roster as it was, with
 * no push (docs/developers-guide.md, "Known Tigase issues"; VersionedRosterProcessor, RosterSetRules).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterSetErrorsE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Duration QUIET = Duration.ofSeconds(2);

    private E2eStack stack;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
    }

    private Client client(String name) throws Exception {
        String email = "rs-" + name + "-" + RUN + "@" + DOMAIN;
        stack.core.addUser(email, name + "-pw", "hasIM");
        Client c = Client.login(email, name + "-pw", "phone");
        c.get("");
        return c;
    }

    private static String contact(String name) {
        return "rs-" + name + "-" + RUN + "@elsewhere.test";
    }

    /** Asserts the answer is an error with this condition, and that nothing was pushed nor kept. */
    private static void refused(Client c, String answer, String condition) throws Exception {
        assertThat(answer).as("answer").contains("type=\"error\"").contains("<" + condition);
        assertThat(c.pushesWithin(QUIET)).as("pushes after a refused roster set").isEmpty();
        assertThat(c.get(null).items()).as("the roster after a refused set").isEmpty();
    }

    @Test
    void aSetOfSeveralItemsIsABadRequest() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (Client c = client("multi")) {
            String answer = c.setRaw("<item jid='" + contact("a") + "'/><item jid='" + contact("b") + "'/>");
            refused(c, answer, "bad-request");
        }
    }

    @Test
    void aGroupGivenTwiceIsABadRequest() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (Client c = client("dupgroup")) {
            String answer = c.setRaw("<item jid='" + contact("a") + "'><group>Friends</group><group>Friends</group></item>");
            refused(c, answer, "bad-request");
        }
    }

    @Test
    void anEmptyGroupIsNotAcceptable() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (Client c = client("emptygroup")) {
            String answer = c.setRaw("<item jid='" + contact("a") + "'><group></group></item>");
            refused(c, answer, "not-acceptable");
        }
    }

    @Test
    void removingAnItemTheRosterDoesNotHaveIsItemNotFound() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (Client c = client("unknown")) {
            String answer = c.setRaw("<item jid='" + contact("nobody") + "' subscription='remove'/>");
            refused(c, answer, "item-not-found");
        }
    }

    @Test
    void anOrdinarySetStillWorksAndIsPushedOnce() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (Client c = client("ordinary")) {
            String answer = c.setRaw("<item jid='" + contact("a") + "' name='A'><group>Friends</group><group>Team</group></item>");
            assertThat(answer).contains("type=\"result\"");
            assertThat(c.pushesWithin(QUIET)).hasSize(1);
            assertThat(c.get(null).items()).hasSize(1);
            String removed = c.setRaw("<item jid='" + contact("a") + "' subscription='remove'/>");
            assertThat(removed).contains("type=\"result\"");
            assertThat(c.pushesWithin(QUIET)).hasSize(1);
            assertThat(c.get(null).items()).isEqualTo(List.of());
        }
    }

    @Test
    void aSetToAnotherUsersRosterIsForbiddenAndAnsweredOnce() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (Client other = client("owner"); Client c = client("intruder")) {
            String ownerJid = "rs-owner-" + RUN + "@" + DOMAIN;
            String answer = c.setRawTo(ownerJid, "<item jid='" + contact("a") + "'/>");
            refused(c, answer, "forbidden");
            assertThat(c.pushesWithin(QUIET)).as("a second answer or a push").isEmpty();
            assertThat(other.pushesWithin(QUIET)).as("pushes to the roster's owner").isEmpty();
            assertThat(other.get(null).items()).as("the owner's roster").isEmpty();
        }
    }

    @Test
    void anItemWithoutANameHasNoneAndANameTheUserRemovesIsGone() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        try (Client c = client("names")) {
            assertThat(c.setRaw("<item jid='" + contact("a") + "'/>")).contains("type=\"result\"");
            assertThat(c.setRaw("<item jid='" + contact("b") + "' name='Bee'/>")).contains("type=\"result\"");
            assertThat(c.setRaw("<item jid='" + contact("b") + "'/>")).contains("type=\"result\"");
            c.pushesWithin(QUIET);
            assertThat(c.get(null).items()).as("Tigase named them by the local part")
                    .hasSize(2).allSatisfy(item -> assertThat(item).doesNotContainKey("name"));
        }
    }
}
