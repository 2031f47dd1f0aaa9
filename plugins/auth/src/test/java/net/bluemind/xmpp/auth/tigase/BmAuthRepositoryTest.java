package net.bluemind.xmpp.auth.tigase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tigase.db.AuthRepository.AccountStatus;
import tigase.db.TigaseDBException;

/** Tigase's account queries answered without a local user database. */
class BmAuthRepositoryTest {

    private final BmAuthRepository repo = new BmAuthRepository();

    @Test
    void onlyPlainIsSupported() {
        assertThat(repo.isMechanismSupported("bluemind.test", "PLAIN")).isTrue();
        assertThat(repo.isMechanismSupported("bluemind.test", "SCRAM-SHA-1")).isFalse();
        assertThat(repo.isMechanismSupported("bluemind.test", "SCRAM-SHA-256-PLUS")).isFalse();
        assertThat(repo.isMechanismSupported("bluemind.test", "ANONYMOUS")).isFalse();
    }

    @Test
    void accountAdministrationIsRefusedWithAClearError() {
        assertThatThrownBy(() -> repo.addUser(null, "pw")).isInstanceOf(TigaseDBException.class)
                .hasMessageContaining("managed in BlueMind");
        assertThatThrownBy(() -> repo.removeUser(null)).isInstanceOf(TigaseDBException.class)
                .hasMessageContaining("managed in BlueMind");
        assertThatThrownBy(() -> repo.updatePassword(null, "pw")).isInstanceOf(TigaseDBException.class)
                .hasMessageContaining("managed in BlueMind");
        assertThatThrownBy(() -> repo.updateCredential(null, "default", "pw")).isInstanceOf(TigaseDBException.class)
                .hasMessageContaining("managed in BlueMind");
        assertThatThrownBy(() -> repo.setAccountStatus(null, AccountStatus.disabled))
                .isInstanceOf(TigaseDBException.class).hasMessageContaining("managed in BlueMind");
        assertThatThrownBy(() -> repo.getPassword(null)).isInstanceOf(TigaseDBException.class)
                .hasMessageContaining("not available");
    }

    @Test
    void accountsAreActiveForTigaseAndBlueMindDecidesAtLogin() {
        assertThat(repo.getAccountStatus(null)).isEqualTo(AccountStatus.active);
        assertThat(repo.getResourceUri()).isEqualTo("bm-core");
        assertThat(repo.otherAuth(java.util.Map.of())).isFalse();
    }
}
