package net.bluemind.xmpp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** Builds PLAIN messages and checks outcomes. */
final class Logins {

    static final String IP = "192.0.2.10";

    private Logins() {
    }

    static byte[] plain(String authzid, String authcid, String password) {
        return (authzid + "\0" + authcid + "\0" + password).getBytes(StandardCharsets.UTF_8);
    }

    static AuthOutcome login(Authenticator a, String authcid, String password) {
        return a.authenticate(plain("", authcid, password), "bluemind.test", IP);
    }

    static AuthOutcome.Success succeeded(AuthOutcome o) {
        assertThat(o).as("login outcome").isInstanceOf(AuthOutcome.Success.class);
        return (AuthOutcome.Success) o;
    }

    static AuthOutcome.Failure failed(AuthOutcome o, SaslCondition condition) {
        assertThat(o).as("login outcome").isInstanceOf(AuthOutcome.Failure.class);
        AuthOutcome.Failure f = (AuthOutcome.Failure) o;
        assertThat(f.condition()).as("SASL condition (text: %s)", f.text()).isEqualTo(condition);
        assertThat(f.text()).isNotBlank();
        return f;
    }
}
