package net.bluemind.xmpp.auth.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void readsTheRemoteIpOfATigaseConnectionId() {
        assertThat(ClientAddress.fromConnectionResource("10.0.0.5_5222_192.0.2.7_51234")).contains("192.0.2.7");
        assertThat(ClientAddress.fromConnectionResource("::1_5222_2001:db8::7_51234")).contains("2001:db8::7");
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(ClientAddress.fromConnectionResource(null)).isEmpty();
        assertThat(ClientAddress.fromConnectionResource("10.0.0.5_5222_null_0")).isEmpty();
        assertThat(ClientAddress.fromConnectionResource("garbage")).isEmpty();
        assertThat(ClientAddress.fromConnectionResource("a_b_c_d_e")).isEmpty();
    }
}
