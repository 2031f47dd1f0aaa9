package net.bluemind.xmpp.domains.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RosterVersionsTest {

    private static String group(String name) {
        return RosterVersions.canonical("group", Map.of(), List.of(), name);
    }

    private static RosterVersions.Item item(String jid, String name, String subscription, String... groups) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("jid", jid);
        a.put("subscription", subscription);
        if (name != null) {
            a.put("name", name);
        }
        List<String> g = new ArrayList<>();
        for (String gr : groups) {
            g.add(group(gr));
        }
        return new RosterVersions.Item(a, g);
    }

    private static RosterVersions.Item withAsk(RosterVersions.Item i) {
        Map<String, String> a = new LinkedHashMap<>(i.attributes());
        a.put("ask", "subscribe");
        return new RosterVersions.Item(a, i.children());
    }

    @Test
    void sameItemsInAnyOrderHaveOneVersion() {
        var a = item("a@x", "A", "both", "Team", "Friends");
        var b = item("b@x", null, "none");
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("name", "A");
        reordered.put("subscription", "both");
        reordered.put("jid", "a@x");
        var aReordered = new RosterVersions.Item(reordered, List.of(group("Friends"), group("Team")));
        assertEquals(RosterVersions.of(List.of(a, b)), RosterVersions.of(List.of(b, aReordered)));
    }

    @Test
    void everyKindOfChangeGivesANewVersion() {
        var start = item("t@x", null, "none");
        List<List<RosterVersions.Item>> states = List.of(
                List.of(),
                List.of(start),
                List.of(start, item("u@x", null, "none")), // item added
                List.of(item("t@x", "FooBar", "none")), // name set
                List.of(item("t@x", "Updated Name", "none")), // name changed
                List.of(item("t@x", null, "none", "Test Group")), // group added
                List.of(item("t@x", null, "none", "Test Group", "Additional Group")), // another group
                List.of(item("t@x", null, "none", "Changed Group")), // group changed
                List.of(item("t@x", null, "to")), // subscription changed
                List.of(withAsk(start)), // subscription request pending out
                List.of(item("t@x", "", "none")), // empty name is not no name
                List.of(item("T@x", null, "none"))); // another JID
        Set<String> versions = new HashSet<>();
        for (List<RosterVersions.Item> s : states) {
            assertTrue(versions.add(RosterVersions.of(s)), "two different states got one version: " + s);
        }
    }

    @Test
    void removingAnItemGoesBackToTheVersionOfThatStateOnly() {
        var a = item("a@x", null, "none");
        var b = item("b@x", null, "none");
        String before = RosterVersions.of(List.of(a));
        String added = RosterVersions.of(List.of(a, b));
        String removed = RosterVersions.of(List.of(a));
        assertNotEquals(before, added);
        // the same items: the same state, so a client holding 'before' holds exactly this roster
        assertEquals(before, removed);
    }

    @Test
    void separatorsInValuesDoNotMakeTwoItemsAlike() {
        var one = new RosterVersions.Item(Map.of("jid", "a@x", "name", "b 4:name=1:c"), List.of());
        var two = new RosterVersions.Item(Map.of("jid", "a@x", "name", "b"), List.of());
        assertNotEquals(RosterVersions.of(List.of(one)), RosterVersions.of(List.of(two)));
        var groupA = item("a@x", null, "none", "x] 1:y");
        var groupsB = item("a@x", null, "none", "x", "y");
        assertNotEquals(RosterVersions.of(List.of(groupA)), RosterVersions.of(List.of(groupsB)));
        // two items against one item holding both as a group-like child
        assertNotEquals(RosterVersions.of(List.of(item("a@x", null, "none"), item("b@x", null, "none"))),
                RosterVersions.of(List.of(item("a@x", null, "none", "b@x"))));
    }

    @Test
    void anEmptyRosterHasARealVersion() {
        String empty = RosterVersions.of(List.of());
        assertFalse(empty.isEmpty());
        assertEquals(32, empty.length());
        assertNotEquals(empty, RosterVersions.of(List.of(item("a@x", null, "none"))));
    }

    @Test
    void upToDateOnlyForTheCurrentVersion() {
        String current = RosterVersions.of(List.of(item("a@x", null, "both")));
        assertTrue(RosterVersions.upToDate(current, current));
        assertFalse(RosterVersions.upToDate(RosterVersions.of(List.of()), current));
        assertFalse(RosterVersions.upToDate("", current)); // a first login: no cached roster
        assertFalse(RosterVersions.upToDate(null, current));
        assertFalse(RosterVersions.upToDate("", ""));
    }

    @Test
    void theAnswerCarriesTheVersionOfWhatItHoldsNeverTheClients() {
        List<RosterVersions.Item> none = List.of();
        String old = RosterVersions.of(List.of(item("gone@x", null, "both")));
        // Tigase copied the request's <query ver='...'/> into the answer for an empty roster
        assertEquals(RosterVersions.of(none), RosterVersions.answerVersion(old, none));
        assertEquals(RosterVersions.of(none), RosterVersions.answerVersion("", none));
        List<RosterVersions.Item> some = List.of(item("a@x", "A", "both"));
        assertEquals(RosterVersions.of(some), RosterVersions.answerVersion(old, some));
        // no ver asked: none given (the client does not version its roster)
        assertNull(RosterVersions.answerVersion(null, some));
    }

    @Test
    void anUnreadableRosterNeverMatchesAClientsVersion() {
        String a = RosterVersions.unreadable();
        String b = RosterVersions.unreadable();
        assertNotEquals(a, b);
        assertFalse(RosterVersions.upToDate(RosterVersions.of(List.of()), a));
        assertNotEquals(RosterVersions.of(List.of()), a);
    }
}
