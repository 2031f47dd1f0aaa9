package net.bluemind.xmpp.domains.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Sasl2FeaturesAfterSuccessTest {

    private static final String SASL2 = Sasl2FeaturesAfterSuccess.SASL2;
    private final Sasl2FeaturesAfterSuccess<String> order = new Sasl2FeaturesAfterSuccess<>();

    @BeforeEach
    void streamOpenedAndItsFeaturesWritten() {
        order.streamOpened();
        assertThat(order.toWrite("features-1", "stream:features", null)).containsExactly("features-1");
    }

    @Test
    void featuresOvertakingTheSuccessAreWrittenRightAfterIt() {
        order.received("authenticate", SASL2);
        assertThat(order.toWrite("features-2", "stream:features", null)).isEmpty();
        assertThat(order.toWrite("success", "success", SASL2)).containsExactly("success", "features-2");
    }

    @Test
    void featuresComingAfterTheSuccessAreWrittenAtOnce() {
        order.received("authenticate", SASL2);
        assertThat(order.toWrite("success", "success", SASL2)).containsExactly("success");
        assertThat(order.toWrite("features-2", "stream:features", null)).containsExactly("features-2");
    }

    @Test
    void aStreamsOwnFeaturesAreNeverHeldEvenWhenTheClientPipelinedItsAuthenticate() {
        order.streamOpened();
        order.received("authenticate", SASL2);
        assertThat(order.toWrite("features-after-restart", "stream:features", null)).containsExactly("features-after-restart");
    }

    @Test
    void classicSaslAndOtherTrafficAreUntouched() {
        order.received("auth", "urn:ietf:params:xml:ns:xmpp-sasl");
        assertThat(order.toWrite("success", "success", "urn:ietf:params:xml:ns:xmpp-sasl")).containsExactly("success");
        order.streamOpened();
        assertThat(order.toWrite("features-2", "stream:features", null)).containsExactly("features-2");
        assertThat(order.toWrite("message", "message", "jabber:client")).containsExactly("message");
    }

    @Test
    void aFailureReleasesTheConnectionAndNothingIsHeldAfterIt() {
        order.received("authenticate", SASL2);
        assertThat(order.toWrite("failure", "failure", SASL2)).containsExactly("failure");
        assertThat(order.toWrite("features-2", "stream:features", null)).containsExactly("features-2");
    }
}
