package net.bluemind.xmpp.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomServiceVerdictTest {

    @Test
    void aMucIdentityIsARoomService() {
        CheckResult r = RoomServiceVerdict.judge("acme.test", "<iq type=\"result\" from=\"conference.acme.test\" id=\"room0\">"
                + "<query xmlns=\"http://jabber.org/protocol/disco#info\"><identity category=\"conference\" type=\"text\"/>"
                + "<feature var=\"http://jabber.org/protocol/muc\"/></query></iq>");
        assertThat(r.status()).isEqualTo(CheckResult.Status.OK);
        assertThat(r.subject()).isEqualTo("conference.acme.test");
    }

    @Test
    void anErrorOrAnotherKindOfServiceFails() {
        CheckResult missing = RoomServiceVerdict.judge("acme.test", "<iq type='error' id='room0'><error type='cancel'>"
                + "<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>");
        assertThat(missing.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(missing.detail()).contains("service-unavailable");
        assertThat(missing.fix()).contains("tigase-muc");
        CheckResult other = RoomServiceVerdict.judge("acme.test", "<iq type='result' id='room0'><query "
                + "xmlns='http://jabber.org/protocol/disco#info'><identity category='pubsub' type='service'/></query></iq>");
        assertThat(other.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(RoomServiceVerdict.judge("acme.test", null).status()).isEqualTo(CheckResult.Status.FAIL);
    }
}
