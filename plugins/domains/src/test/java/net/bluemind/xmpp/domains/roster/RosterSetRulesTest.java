package net.bluemind.xmpp.domains.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.bluemind.xmpp.domains.roster.RosterSetRules.Condition;
import net.bluemind.xmpp.domains.roster.RosterSetRules.SetItem;
import org.junit.jupiter.api.Test;

class RosterSetRulesTest {

    private static Condition refusal(SetItem... items) {
        return RosterSetRules.check(List.of(items)).orElseThrow().condition();
    }

    private static boolean accepted(SetItem... items) {
        return RosterSetRules.check(List.of(items)).isEmpty();
    }

    @Test
    void anOrdinaryAdditionUpdateOrRemovalIsLeftToTigase() {
        assertTrue(accepted(new SetItem(null, List.of(), false)));
        assertTrue(accepted(new SetItem(null, List.of("Friends", "Team"), true)));
        assertTrue(accepted(new SetItem("remove", List.of(), true)));
        // other subscription values are ignored by the server (RFC 6121 2.1.2.5), not refused
        assertTrue(accepted(new SetItem("both", List.of("A"), false)));
        // group names differing only by case are two groups
        assertTrue(accepted(new SetItem(null, List.of("team", "Team"), false)));
    }

    @Test
    void severalItemsAreABadRequest() {
        assertEquals(Condition.BAD_REQUEST,
                refusal(new SetItem(null, List.of(), false), new SetItem(null, List.of(), false)));
        assertEquals(Condition.BAD_REQUEST,
                refusal(new SetItem("remove", List.of(), true), new SetItem("remove", List.of(), true)));
    }

    @Test
    void aGroupGivenTwiceIsABadRequest() {
        assertEquals(Condition.BAD_REQUEST, refusal(new SetItem(null, List.of("Friends", "Friends"), false)));
        assertEquals(Condition.BAD_REQUEST, refusal(new SetItem(null, List.of("A", "B", "A"), true)));
    }

    @Test
    void anEmptyGroupIsNotAcceptable() {
        assertEquals(Condition.NOT_ACCEPTABLE, refusal(new SetItem(null, List.of(""), false)));
        assertEquals(Condition.NOT_ACCEPTABLE, refusal(new SetItem(null, List.of("A", ""), false)));
    }

    @Test
    void removingAnItemTheRosterDoesNotHaveIsItemNotFound() {
        assertEquals(Condition.ITEM_NOT_FOUND, refusal(new SetItem("remove", List.of(), false)));
    }

    @Test
    void noItemIsLeftToTigaseWhichRefusesItAlready() {
        assertTrue(RosterSetRules.check(List.of()).isEmpty());
    }

    @Test
    void aSetToAnotherUsersRosterIsForbidden() {
        assertEquals(Condition.FORBIDDEN,
                RosterSetRules.addressee("alice@acme.test", "bob@acme.test").orElseThrow().condition());
        assertEquals(Condition.FORBIDDEN,
                RosterSetRules.addressee("alice@acme.test", "alice@other.test").orElseThrow().condition());
    }

    @Test
    void aSetToAnotherUsersFullJidIsLeftToTheResourceRules() {
        // RFC 6121 8.5.3.2.3: an offline resource's IQ gets service-unavailable (Tigase's answer)
        assertTrue(RosterSetRules.addressee("alice@acme.test", "bob@acme.test/not-online").isEmpty());
    }

    @Test
    void aSetToOnesOwnJidOrToATransportIsNotRefusedForItsAddress() {
        assertTrue(RosterSetRules.addressee("alice@acme.test", null).isEmpty());
        assertTrue(RosterSetRules.addressee("alice@acme.test", "alice@acme.test").isEmpty());
        assertTrue(RosterSetRules.addressee("alice@acme.test", "Alice@ACME.test/phone").isEmpty());
        assertTrue(RosterSetRules.addressee("alice@acme.test", "gateway.acme.test").isEmpty()); // XEP-0321
    }
}
