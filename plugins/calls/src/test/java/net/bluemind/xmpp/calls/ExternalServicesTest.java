package net.bluemind.xmpp.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExternalServicesTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final String ALICE = "alice@bluemind.test";
    private static final SecretSource NORTH = () -> "north".getBytes(StandardCharsets.UTF_8);

    private static CallsConfig config(List<String> hosts, List<Transport> transports) {
        return new CallsConfig(hosts, 3478, transports, Path.of("/nonexistent"), Duration.ofHours(24));
    }

    private final ExternalServices engine = new ExternalServices(
            config(List.of("turn.bluemind.test"), List.of(Transport.UDP, Transport.TCP)), NORTH, () -> NOW);

    @Test
    void everyHostAsStunAndTurnOnEveryTransport() throws Exception {
        List<ExternalService> s = engine.services(ALICE, null);
        assertThat(s).extracting(x -> x.type() + "/" + x.transport() + "@" + x.host() + ":" + x.port())
                .containsExactly("STUN/UDP@turn.bluemind.test:3478", "STUN/TCP@turn.bluemind.test:3478",
                        "TURN/UDP@turn.bluemind.test:3478", "TURN/TCP@turn.bluemind.test:3478");
    }

    @Test
    void stunCarriesNoCredentialTurnCarriesTheUsersOneValidForTheLifetime() throws Exception {
        List<ExternalService> s = engine.services(ALICE, null);
        ExternalService stun = s.get(0);
        assertThat(stun.restricted()).isFalse();
        assertThat(stun.username()).isNull();
        assertThat(stun.password()).isNull();
        assertThat(stun.expires()).isNull();
        for (ExternalService turn : s.subList(2, 4)) {
            assertThat(turn.restricted()).isTrue();
            assertThat(turn.username()).isEqualTo("1700086400:alice@bluemind.test");
            assertThat(turn.password()).isEqualTo(TurnCredential.issue("north".getBytes(StandardCharsets.UTF_8), ALICE,
                    NOW.plus(Duration.ofHours(24))).password());
            assertThat(turn.expires()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        }
    }

    @Test
    void eachRequestGetsCredentialsForItsOwnTime() throws Exception {
        ExternalService early = engine.services(ALICE, "turn", NOW).get(0);
        ExternalService later = engine.services(ALICE, "turn", NOW.plusSeconds(60)).get(0);
        assertThat(later.username()).isEqualTo("1700086460:alice@bluemind.test");
        assertThat(later.password()).isNotEqualTo(early.password());
    }

    @Test
    void aPastTimeGivesCredentialsThatHaveAlreadyExpired() throws Exception {
        Instant longAgo = NOW.minus(Duration.ofDays(2));
        ExternalService turn = engine.services(ALICE, "turn", longAgo).get(0);
        assertThat(turn.expires()).isBefore(NOW);
        assertThat(turn.username()).isEqualTo((NOW.getEpochSecond() - 86400) + ":" + ALICE);
    }

    @Test
    void aTypeFilterKeepsThatTypeOnly() throws Exception {
        assertThat(engine.services(ALICE, "stun")).extracting(ExternalService::type).containsOnly(ServiceType.STUN).hasSize(2);
        assertThat(engine.services(ALICE, "turn")).extracting(ExternalService::type).containsOnly(ServiceType.TURN).hasSize(2);
    }

    @Test
    void aTypeNotOfferedGetsAnEmptyList() throws Exception {
        assertThat(engine.services(ALICE, "turns")).isEmpty();
        assertThat(engine.services(ALICE, "ftp")).isEmpty();
    }

    @Test
    void anEmptyTypeIsABadRequest() {
        assertThatThrownBy(() -> engine.services(ALICE, " "))
                .isInstanceOf(ExtdiscoException.class)
                .satisfies(e -> assertThat(((ExtdiscoException) e).error()).isEqualTo(ExtdiscoError.BAD_REQUEST));
    }

    @Test
    void severalHostsAndOneTransport() throws Exception {
        ExternalServices two = new ExternalServices(config(List.of("a.example", "203.0.113.7"), List.of(Transport.UDP)),
                NORTH, () -> NOW);
        assertThat(two.services(ALICE, null)).extracting(x -> x.type() + "@" + x.host() + "/" + x.transport())
                .containsExactly("STUN@a.example/UDP", "STUN@203.0.113.7/UDP", "TURN@a.example/UDP", "TURN@203.0.113.7/UDP");
    }

    @Test
    void withoutHostsNothingIsAdvertisedAndRequestsAreServiceUnavailable() {
        ExternalServices off = new ExternalServices(config(List.of(), List.of(Transport.UDP)), NORTH, () -> NOW);
        assertThat(off.advertised()).isFalse();
        assertThat(engine.advertised()).isTrue();
        assertThatThrownBy(() -> off.services(ALICE, null)).isInstanceOf(ExtdiscoException.class)
                .satisfies(e -> assertThat(((ExtdiscoException) e).error()).isEqualTo(ExtdiscoError.SERVICE_UNAVAILABLE));
        assertThatThrownBy(() -> off.credentials(ALICE, "turn.bluemind.test", "turn")).isInstanceOf(ExtdiscoException.class)
                .satisfies(e -> assertThat(((ExtdiscoException) e).error()).isEqualTo(ExtdiscoError.SERVICE_UNAVAILABLE));
    }

    @Test
    void anUnreadableSecretIsServiceUnavailableWithoutNamingTheFileToTheClient() {
        ExternalServices broken = new ExternalServices(config(List.of("turn.bluemind.test"), List.of(Transport.UDP)),
                new SecretFile(Path.of("/nonexistent/turn-secret")), () -> NOW);
        assertThatThrownBy(() -> broken.services(ALICE, null)).isInstanceOf(ExtdiscoException.class)
                .satisfies(e -> {
                    assertThat(((ExtdiscoException) e).error()).isEqualTo(ExtdiscoError.SERVICE_UNAVAILABLE);
                    assertThat(e.getMessage()).doesNotContain("/nonexistent");
                });
    }

    @Test
    void stunAloneNeedsNoSecret() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        ExternalServices counting = new ExternalServices(config(List.of("turn.bluemind.test"), List.of(Transport.UDP)),
                () -> {
                    reads.incrementAndGet();
                    return "north".getBytes(StandardCharsets.UTF_8);
                }, () -> NOW);
        counting.services(ALICE, "stun");
        assertThat(reads).hasValue(0);
        counting.services(ALICE, null);
        counting.services(ALICE, null);
        assertThat(reads).hasValue(2); // at each request: a new secret applies at once
    }

    @Test
    void credentialsOfOneServiceAtOneHost() throws Exception {
        List<ExternalService> c = engine.credentials(ALICE, "TURN.bluemind.test", "turn");
        assertThat(c).hasSize(2).allSatisfy(s -> {
            assertThat(s.type()).isEqualTo(ServiceType.TURN);
            assertThat(s.username()).isEqualTo("1700086400:alice@bluemind.test");
        });
    }

    @Test
    void credentialsOfAServiceNotOfferedAreItemNotFoundAndIncompleteOnesABadRequest() {
        assertThatThrownBy(() -> engine.credentials(ALICE, "elsewhere.example", "turn"))
                .satisfies(e -> assertThat(((ExtdiscoException) e).error()).isEqualTo(ExtdiscoError.ITEM_NOT_FOUND));
        assertThatThrownBy(() -> engine.credentials(ALICE, "turn.bluemind.test", "turns"))
                .satisfies(e -> assertThat(((ExtdiscoException) e).error()).isEqualTo(ExtdiscoError.ITEM_NOT_FOUND));
        assertThatThrownBy(() -> engine.credentials(ALICE, null, "turn"))
                .satisfies(e -> assertThat(((ExtdiscoException) e).error()).isEqualTo(ExtdiscoError.BAD_REQUEST));
        assertThatThrownBy(() -> engine.credentials(ALICE, "turn.bluemind.test", ""))
                .satisfies(e -> assertThat(((ExtdiscoException) e).error()).isEqualTo(ExtdiscoError.BAD_REQUEST));
    }
}
