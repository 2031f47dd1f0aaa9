package net.bluemind.xmpp.domains.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Sasl2AnswerFirstTest {

    private static final String SASL2 = Sasl2AnswerFirst.SASL2;
    private final Sasl2AnswerFirst<String> order = new Sasl2AnswerFirst<>();

    @BeforeEach
    void streamOpenedAndItsFeaturesWritten() {
        order.streamOpened();
        assertThat(order.toWrite("features-1", "stream:features", null)).containsExactly("features-1");
    }

    @Test
    void featuresOvertakingTheSuccessAreWrittenRightAfterIt() {
        order.received("authenticate", SASL2, null);
        assertThat(order.toWrite("features-2", "stream:features", null)).isEmpty();
        assertThat(order.toWrite("success", "success", SASL2)).containsExactly("success", "features-2");
    }

    @Test
    void stanzasResentBeforeAnInlineResumptionsSuccessFollowItAfterTheFeaturesInTheirOrder() {
        order.received("authenticate", SASL2, "old-stream");
        assertThat(order.resumedId()).isEqualTo("old-stream");
        assertThat(order.toWrite("message-1", "message", "jabber:client")).isEmpty();
        assertThat(order.toWrite("features-2", "stream:features", null)).isEmpty();
        assertThat(order.toWrite("message-2", "message", "jabber:client")).isEmpty();
        assertThat(order.toWrite("success", "success", SASL2))
                .containsExactly("success", "features-2", "message-1", "message-2");
        assertThat(order.toWrite("message-3", "message", "jabber:client")).containsExactly("message-3");
    }

    @Test
    void aChallengeIsNotHeldAndDoesNotEndTheLogin() {
        order.received("authenticate", SASL2, null);
        assertThat(order.toWrite("challenge", "challenge", SASL2)).containsExactly("challenge");
        assertThat(order.toWrite("features-2", "stream:features", null)).isEmpty();
        assertThat(order.toWrite("success", "success", SASL2)).containsExactly("success", "features-2");
    }

    @Test
    void featuresComingAfterTheSuccessAreWrittenAtOnce() {
        order.received("authenticate", SASL2, null);
        assertThat(order.toWrite("success", "success", SASL2)).containsExactly("success");
        assertThat(order.toWrite("features-2", "stream:features", null)).containsExactly("features-2");
    }

    @Test
    void aStreamsOwnFeaturesAreNeverHeldEvenWhenTheClientPipelinedItsAuthenticate() {
        order.streamOpened();
        order.received("authenticate", SASL2, null);
        assertThat(order.toWrite("features-after-restart", "stream:features", null)).containsExactly("features-after-restart");
    }

    @Test
    void classicSaslAndOtherTrafficAreUntouched() {
        order.received("auth", "urn:ietf:params:xml:ns:xmpp-sasl", null);
        assertThat(order.toWrite("success", "success", "urn:ietf:params:xml:ns:xmpp-sasl")).containsExactly("success");
        order.streamOpened();
        assertThat(order.toWrite("features-2", "stream:features", null)).containsExactly("features-2");
        assertThat(order.toWrite("message", "message", "jabber:client")).containsExactly("message");
        assertThat(order.resumedId()).isNull();
    }

    @Test
    void aFailureReleasesWhatWasHeldAndNothingIsHeldAfterIt() {
        order.received("authenticate", SASL2, null);
        assertThat(order.toWrite("error-iq", "iq", "jabber:client")).isEmpty();
        assertThat(order.toWrite("failure", "failure", SASL2)).containsExactly("failure", "error-iq");
        assertThat(order.toWrite("features-2", "stream:features", null)).containsExactly("features-2");
    }
}
