package net.bluemind.xmpp.auth.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenSlotCodecTest {

    private static StoredToken token(String jid, long issued) {
        return new StoredToken("uid 1,;%", "dom.test", jid, new byte[] {1, 2, 3}, new byte[] {4, 5},
                Instant.ofEpochMilli(issued), Instant.ofEpochMilli(issued + 1000));
    }

    @Test
    void aSlotSurvivesTheRoundTripWithOrWithoutAPreviousToken() {
        TokenSlot one = new TokenSlot(token("a b@dom.test", 10), null, -1);
        TokenSlot two = new TokenSlot(token("a@dom.test", 20), token("a@dom.test", 10), 42);
        for (TokenSlot slot : new TokenSlot[] {one, two}) {
            TokenSlot back = TokenSlotCodec.decode(TokenSlotCodec.encode(slot)).orElseThrow();
            assertThat(back.lastCount()).isEqualTo(slot.lastCount());
            assertThat(back.current()).usingRecursiveComparison().isEqualTo(slot.current());
            assertThat(back.previous()).usingRecursiveComparison().isEqualTo(slot.previous());
        }
    }

    @Test
    void anythingElseIsNoSlot() {
        assertThat(TokenSlotCodec.decode(null)).isEmpty();
        assertThat(TokenSlotCodec.decode("")).isEmpty();
        assertThat(TokenSlotCodec.decode("fast0 1 x -")).isEmpty();
        assertThat(TokenSlotCodec.decode("fast1 x a,b,c -")).isEmpty();
        assertThat(TokenSlotCodec.decode("fast1 1 a,b,c,AQ,AQ,1,notanumber -")).isEmpty();
    }
}
