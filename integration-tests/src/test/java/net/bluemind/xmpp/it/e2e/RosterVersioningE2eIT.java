package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Roster versioning (RFC 6121 2.6) as a phone uses it, in raw XML: it keeps its contact list and the last {@code ver}
 * it was given, and at each login asks with that {@code ver} to get only what it missed. Stock Tigase 8.4.0 pushed
 * every change with the version a connection had computed at its own roster get (or {@code ver=''}), so different
 * states went out under one version, and it answered a versioned get of an empty roster with the client's own
 * {@code ver} (docs/developers-guide.md, "Known Tigase issues", "Roster versioning"; fixed by VersionedRoster,
 * VersionedRosterProcessor). Each user is new, so each roster starts empty.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterVersioningE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String ROSTER = "jabber:iq:roster";
    /** How long a push may take to arrive; and how long we listen for pushes that must not come. */
    private static final Duration PUSH_WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofSeconds(2);

    private E2eStack stack;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
    }

    private String user(String name) {
        String email = "rv-" + name + "-" + RUN + "@" + DOMAIN;
        stack.core.addUser(email, name + "-pw", "hasIM");
        return email;
    }

    private static String contact(String name) {
        return "rv-contact-" + name + "-" + RUN + "@elsewhere.test";
    }

    @Test
    void aFirstLoginGetsAVersionAndAnEmptyRosterIsNeverAnsweredWithTheClientsVersion() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String me = user("first");
        try (Client phone = Client.login(me, "first-pw", "phone")) {
            Answer first = phone.get("");
            assertThat(first.hasQuery).as("a first login (ver='') gets its roster: %s", first.xml).isTrue();
            assertThat(first.ver).as("the ver of the first roster answer: %s", first.xml).isNotNull().isNotEmpty();
            assertThat(first.items).isEmpty();

            phone.set(item(contact("a"), "A", List.of()));
            Push added = phone.push();
            assertThat(added.ver).as("the push after adding a contact").isNotEmpty().isNotEqualTo(first.ver);
            phone.set(remove(contact("a")));
            Push removed = phone.push();
            assertThat(removed.ver).as("the push after removing it").isNotEmpty().isNotEqualTo(added.ver);

            // the roster is empty again; the phone asks with the version that still had the contact
            Answer again = phone.get(added.ver);
            if (again.hasQuery) {
                assertThat(again.items).isEmpty();
                assertThat(again.ver).as("the ver of an empty roster answered to a client holding an older one (%s)",
                        again.xml).isNotEqualTo(added.ver).isEqualTo(removed.ver);
            } else {
                List<Push> missed = phone.pushesWithin(QUIET);
                assertThat(missed).as("pushes after an empty result to an older ver").isNotEmpty();
                assertThat(missed.get(missed.size() - 1).ver).isEqualTo(removed.ver);
            }
        }
    }

    @Test
    void everyChangeIsPushedToEveryResourceWithANewVersionAndOneVersionIsOneState() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String me = user("changes");
        String t = contact("t");
        String u = contact("u");
        try (Client phone = Client.login(me, "changes-pw", "phone");
                Client desk = Client.login(me, "changes-pw", "desk")) {
            Roster phoneRoster = new Roster();
            Answer start = phone.get("");
            phoneRoster.replace(start);
            desk.get(null); // a desktop client that does not version its roster: its pushes are versioned anyway
            List<Map<String, String>> changes = List.of(
                    item(t, null, List.of()), // added
                    item(t, "FooBar", List.of()), // name set
                    item(t, "Updated Name", List.of()), // name changed
                    item(t, "Updated Name", List.of("Test Group")), // group added
                    item(t, "Updated Name", List.of("Test Group", "Additional Group")), // another group
                    item(t, "Updated Name", List.of("Changed Group")), // group changed
                    item(t, null, List.of()), // name and group removed
                    item(u, "U", List.of("G")), // another item added
                    remove(t)); // removed
            Map<String, String> stateOfVersion = new HashMap<>();
            stateOfVersion.put(start.ver, phoneRoster.state());
            String previous = start.ver;
            for (Map<String, String> change : changes) {
                desk.set(change);
                Push onDesk = desk.push();
                Push onPhone = phone.push();
                phoneRoster.apply(onPhone);
                assertThat(onPhone.ver).as("push of %s to the phone", change).isNotEmpty().isNotEqualTo(previous);
                assertThat(onDesk.ver).as("push of %s to the desk, which never asked with a ver", change)
                        .isEqualTo(onPhone.ver);
                String state = phoneRoster.state();
                String before = stateOfVersion.putIfAbsent(onPhone.ver, state);
                assertThat(before == null ? state : before)
                        .as("version %s pushed for two different rosters", onPhone.ver).isEqualTo(state);
                previous = onPhone.ver;
            }
            // what the phone built from the pushes is what the server holds, under the last pushed version
            Answer now = desk.get("");
            assertThat(now.ver).isEqualTo(previous);
            assertThat(new Roster().replace(now).state()).isEqualTo(phoneRoster.state());
        }
    }

    @Test
    void aReloginWithTheCurrentVersionGetsAnEmptyResultThenLaterChangesArePushed() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String me = user("current");
        String last;
        try (Client desk = Client.login(me, "current-pw", "desk")) {
            desk.get(null);
            try (Client phone = Client.login(me, "current-pw", "phone")) {
                phone.get("");
                desk.set(item(contact("x"), "X", List.of("Friends")));
                desk.push();
                last = phone.push().ver; // the version the phone stores with its roster
            }
            try (Client phone = Client.login(me, "current-pw", "phone")) {
                Answer answer = phone.get(last);
                assertThat(answer.hasQuery)
                        .as("a phone holding the current version (%s) gets an empty result, not its roster: %s", last,
                                answer.xml)
                        .isFalse();
                assertThat(phone.pushesWithin(QUIET)).as("pushes after an up-to-date login").isEmpty();
                desk.set(item(contact("y"), null, List.of()));
                desk.push();
                Push later = phone.push();
                assertThat(later.ver).as("the push of a later change").isNotEmpty().isNotEqualTo(last);
                assertThat(later.item.get("jid")).isEqualTo(contact("y"));
            }
        }
    }

    @Test
    void aReloginWithAnOlderVersionGetsEverythingItMissedNeverAStaleRoster() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String me = user("older");
        String colleague = user("colleague");
        String a = contact("a");
        String b = contact("b");
        Roster held = new Roster();
        String heldVer;
        try (Client desk = Client.login(me, "older-pw", "desk")) {
            desk.get(null);
            try (Client phone = Client.login(me, "older-pw", "phone")) {
                held.replace(phone.get(""));
                desk.set(item(a, "A", List.of()));
                desk.push();
                held.apply(phone.push());
                desk.set(item(b, "B", List.of("Team")));
                desk.push();
                Push p = phone.push();
                held.apply(p);
                heldVer = p.ver;
            }
            // while the phone is away: a rename, a removal, an addition, and a subscription both ways
            desk.set(item(a, "A renamed", List.of("Family")));
            desk.push();
            desk.set(remove(b));
            desk.push();
            desk.set(item(contact("c"), null, List.of("Team")));
            desk.push();
            try (Client other = Client.login(colleague, "colleague-pw", "desk")) {
                other.get(null);
                desk.send("<presence type='subscribe' to='" + colleague + "'/>");
                desk.push(); // the colleague's item, subscription requested (ask='subscribe')
                other.awaitPresence("subscribe", me);
                other.send("<presence type='subscribed' to='" + me + "'/>");
                Push accepted = desk.pushFor(colleague, "to");
                assertThat(accepted.item.get("subscription")).isEqualTo("to");
            }
            desk.pushesWithin(QUIET); // any further push of the subscription (e.g. the directory name)
            Answer truth = desk.get("");
            String current = truth.ver;
            String currentState = new Roster().replace(truth).state();

            try (Client phone = Client.login(me, "older-pw", "phone")) {
                Answer answer = phone.get(heldVer);
                if (answer.hasQuery) {
                    held.replace(answer);
                    assertThat(answer.ver).as("ver of the full roster answered to an older ver").isEqualTo(current);
                } else {
                    String ver = heldVer;
                    for (Push p : phone.pushesWithin(QUIET)) {
                        held.apply(p);
                        ver = p.ver;
                    }
                    assertThat(ver).as("ver of the last push after an empty result").isEqualTo(current);
                }
                assertThat(held.state()).as("the phone's roster after asking with the older ver %s", heldVer)
                        .isEqualTo(currentState);
            }
            // and that version is the current one: the next login asking with it gets nothing
            try (Client phone = Client.login(me, "older-pw", "phone")) {
                Answer answer = phone.get(current);
                assertThat(answer.hasQuery).as("a login with the version just received (%s): %s", current, answer.xml)
                        .isFalse();
            }
        }
    }

    /**
     * slixmpp (Debian's python3-slixmpp), which stores the {@code ver} of every answer and push and sends it at its next
     * roster get: a push of a change gives it a new version; after changes made while it was away, its next login
     * leaves it with the server's roster and the version last pushed to the other resource; the login after that
     * gets an empty result and keeps both.
     */
    @Test
    void slixmppKeepsItsRosterAndVersionRightAcrossLogins() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        String python = System.getProperty("bmx.python",
                Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
        assumeTrue(new ProcessBuilder(python, "-c", "import slixmpp").start().waitFor() == 0,
                String.format(SlixmppRoomsE2eIT.NO_SLIXMPP, python));
        String me = user("slixmpp");
        String x = contact("sx");
        String y = contact("sy");
        Path dir = Files.createTempDirectory("bm-xmpp-e2e-roster-slixmpp");
        Path script = dir.resolve("slixmpp_roster.py");
        try (InputStream in = getClass().getResourceAsStream("/clients/slixmpp_roster.py")) {
            Files.copy(in, script);
        }
        ObjectMapper json = new ObjectMapper();
        Path config = Files.writeString(dir.resolve("config.json"), json.createObjectNode().put("host", "127.0.0.1")
                .put("port", 5222).put("domain", DOMAIN).put("user", me).put("password", "slixmpp-pw")
                .put("contact_x", x).put("contact_y", y)
                .put("ca_file", SlixmppRoomsE2eIT.caFile(stack, dir).toString())
                .put("debug_log", dir.resolve("slixmpp.log").toString()).toString());
        Path result = dir.resolve("result.json");
        Process p = new ProcessBuilder(python, script.toString(), config.toString(), result.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the slixmpp client did not finish within 3 min (see " + dir + ")");
        }
        assertThat(Files.exists(result)).as("the slixmpp client wrote its result (output: %s)",
                Files.readString(dir.resolve("output.txt"))).isTrue();
        JsonNode r = json.readTree(result.toFile());
        System.out.println("e2e roster versioning, slixmpp " + r.path("slixmpp").asText() + ": " + r
                + " (stanza log " + dir.resolve("slixmpp.log") + ")");
        assertThat(r.path("errors").isMissingNode()).as("slixmpp failed: %s", r.path("tracebacks")).isTrue();
        assertThat(r.path("rosterver_feature").asBoolean()).isTrue();
        String v0 = r.path("v0").asText();
        String v1 = r.path("v1").asText();
        String v2 = r.path("v2").asText();
        assertThat(v0).as("version after the first login").isNotEmpty();
        assertThat(v1).as("version after a push").isNotEmpty().isNotEqualTo(v0);
        assertThat(v2).as("version after a login with an older one: the one last pushed to the desk")
                .isEqualTo(r.path("desk_v").asText()).isNotEqualTo(v1);
        JsonNode held = r.path("phone_roster");
        assertThat(held.path(x).path("name").asText()).isEqualTo("X renamed");
        assertThat(held.path(x).path("groups").toString()).isEqualTo("[\"Family\"]");
        assertThat(held.path(y).path("name").asText()).isEqualTo("Y");
        assertThat(r.path("third_answer_query").asBoolean()).as("a login with the current version gets its roster again")
                .isFalse();
        assertThat(r.path("v3").asText()).isEqualTo(v2);
        assertThat(r.path("phone_roster_3")).isEqualTo(held);
    }

    // ---- roster items and states ----

    private static Map<String, String> item(String jid, String name, List<String> groups) {
        Map<String, String> i = new TreeMap<>();
        i.put("jid", jid);
        if (name != null) {
            i.put("name", name);
        }
        for (int n = 0; n < groups.size(); n++) {
            i.put("group" + n, groups.get(n));
        }
        return i;
    }

    private static Map<String, String> remove(String jid) {
        return new TreeMap<>(Map.of("jid", jid, "subscription", "remove"));
    }

    /** A roster as a client keeps it, item by JID. */
    static final class Roster {
        private final Map<String, String> items = new TreeMap<>();

        Roster replace(Answer answer) {
            items.clear();
            answer.items.forEach(i -> items.put(i.get("jid"), canonical(i)));
            return this;
        }

        void apply(Push push) {
            if ("remove".equals(push.item.get("subscription"))) {
                items.remove(push.item.get("jid"));
            } else {
                items.put(push.item.get("jid"), canonical(push.item));
            }
        }

        String state() {
            return items.toString();
        }

        private static String canonical(Map<String, String> item) {
            Map<String, String> attrs = new TreeMap<>();
            List<String> groups = new ArrayList<>();
            item.forEach((k, v) -> {
                if (k.startsWith("group")) {
                    groups.add(v);
                } else {
                    attrs.put(k, v);
                }
            });
            groups.sort(null);
            return attrs + " " + groups;
        }
    }

    /** An answer to a roster get: with a query (the roster) or an empty result. */
    record Answer(String xml, boolean hasQuery, String ver, List<Map<String, String>> items) {
    }

    /** A roster push: its version and its one item. */
    record Push(String xml, String ver, Map<String, String> item) {
    }

    /** One connection of a user, bound, its roster pushes answered and kept in arrival order. */
    static final class Client implements AutoCloseable {
        private final RawXmppStream s;
        private final ArrayDeque<Push> pushes = new ArrayDeque<>();
        private int ids;

        private Client(RawXmppStream s) {
            this.s = s;
        }

        static Client login(String email, String password, String resource) throws Exception {
            RawXmppStream s = RawXmppStream.loggedInAt(XmppClients.SERVER, DOMAIN, email, password);
            s.send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource
                    + "</resource></bind></iq>");
            s.readUntil("</iq>");
            return new Client(s);
        }

        void send(String xml) throws IOException {
            s.send(xml);
        }

        /** A roster get, with this ver (null: without one); presence sent after it as clients do. */
        Answer get(String ver) throws IOException {
            String id = "get" + (++ids);
            s.send("<iq type='get' id='" + id + "'><query xmlns='" + ROSTER + "'"
                    + (ver == null ? "" : " ver='" + ver + "'") + "/></iq>");
            Element iq = until(id);
            s.send("<presence/>");
            Element q = query(iq);
            return new Answer(text(iq), q != null, q == null ? null : attr(q, "ver"), q == null ? List.of() : items(q));
        }

        /** A roster set of one item (group0, group1, ... are its groups); fails unless the server accepts it. */
        void set(Map<String, String> item) throws IOException {
            String id = "set" + (++ids);
            StringBuilder x = new StringBuilder("<iq type='set' id='").append(id).append("'><query xmlns='")
                    .append(ROSTER).append("'><item");
            item.forEach((k, v) -> {
                if (!k.startsWith("group")) {
                    x.append(' ').append(k).append("='").append(v).append('\'');
                }
            });
            x.append('>');
            item.forEach((k, v) -> {
                if (k.startsWith("group")) {
                    x.append("<group>").append(v).append("</group>");
                }
            });
            x.append("</item></query></iq>");
            s.send(x.toString());
            Element answer = until(id);
            assertThat(answer.getAttribute("type")).as("answer to %s: %s", x, text(answer)).isEqualTo("result");
        }

        /** A roster set of these raw {@code <item/>}s; the answer, whole. */
        String setRaw(String itemsXml) throws IOException {
            return setRawTo(null, itemsXml);
        }

        /** The same, addressed to {@code to} (null: no {@code to}, the user's own roster). */
        String setRawTo(String to, String itemsXml) throws IOException {
            String id = "raw" + (++ids);
            s.send("<iq type='set' id='" + id + "'" + (to == null ? "" : " to='" + to + "'") + "><query xmlns='" + ROSTER
                    + "'>" + itemsXml + "</query></iq>");
            return text(until(id));
        }

        /** Waits (up to PUSH_WAIT) for a presence of this type from {@code from}; what came before it is dropped. */
        void awaitPresence(String type, String from) throws IOException {
            s.readTimeout(PUSH_WAIT);
            try {
                while (true) {
                    Element p = parse(s.readElement("presence"));
                    if (type.equals(p.getAttribute("type")) && p.getAttribute("from").startsWith(from)) {
                        return;
                    }
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no presence of type " + type + " from " + from + " within " + PUSH_WAIT, e);
            } finally {
                s.readTimeout(Duration.ofSeconds(15));
            }
        }

        /** The next roster push, waiting up to PUSH_WAIT. */
        Push push() throws IOException {
            if (pushes.isEmpty()) {
                s.readTimeout(PUSH_WAIT);
                try {
                    until(null);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("no roster push within " + PUSH_WAIT, e);
                }
            }
            return pushes.poll();
        }

        /** The first push of {@code jid} with this subscription; earlier pushes are dropped. */
        Push pushFor(String jid, String subscription) throws IOException {
            while (true) {
                Push p = push();
                if (jid.equals(p.item.get("jid")) && subscription.equals(p.item.get("subscription"))) {
                    return p;
                }
            }
        }

        /** Every push that arrives within {@code quiet} (the ones already received first). */
        List<Push> pushesWithin(Duration quiet) throws IOException {
            s.readTimeout(quiet);
            try {
                while (true) {
                    until(null);
                }
            } catch (SocketTimeoutException done) {
                // nothing more
            } finally {
                s.readTimeout(Duration.ofSeconds(15));
            }
            List<Push> all = new ArrayList<>(pushes);
            pushes.clear();
            return all;
        }

        /** Reads IQs until the one with this id (null: until a push), keeping and answering pushes. */
        private Element until(String id) throws IOException {
            while (true) {
                String xml = s.readElement("iq");
                Element iq = parse(xml);
                Element q = query(iq);
                if ("set".equals(iq.getAttribute("type")) && q != null) {
                    List<Map<String, String>> it = items(q);
                    assertThat(it).as("a roster push has exactly one item: %s", xml).hasSize(1);
                    pushes.add(new Push(xml, attr(q, "ver"), it.get(0)));
                    s.send("<iq type='result' id='" + iq.getAttribute("id") + "'/>");
                    if (id == null) {
                        return iq;
                    }
                } else if (id != null && id.equals(iq.getAttribute("id"))) {
                    return iq;
                }
            }
        }

        @Override
        public void close() {
            s.close();
        }

        private static Element parse(String xml) throws IOException {
            try {
                return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new InputSource(new StringReader(xml))).getDocumentElement();
            } catch (Exception e) {
                throw new IOException("not XML: " + xml, e);
            }
        }

        private static Element query(Element iq) {
            NodeList l = iq.getElementsByTagName("query");
            for (int i = 0; i < l.getLength(); i++) {
                Element q = (Element) l.item(i);
                if (ROSTER.equals(q.getAttribute("xmlns"))) {
                    return q;
                }
            }
            return null;
        }

        private static String attr(Element e, String name) {
            return e.hasAttribute(name) ? e.getAttribute(name) : null;
        }

        private static List<Map<String, String>> items(Element query) {
            List<Map<String, String>> out = new ArrayList<>();
            NodeList l = query.getElementsByTagName("item");
            for (int i = 0; i < l.getLength(); i++) {
                Element e = (Element) l.item(i);
                Map<String, String> item = new TreeMap<>();
                for (int a = 0; a < e.getAttributes().getLength(); a++) {
                    item.put(e.getAttributes().item(a).getNodeName(), e.getAttributes().item(a).getNodeValue());
                }
                NodeList g = e.getElementsByTagName("group");
                List<String> groups = new ArrayList<>();
                for (int n = 0; n < g.getLength(); n++) {
                    groups.add(g.item(n).getTextContent());
                }
                groups.sort(null);
                for (int n = 0; n < groups.size(); n++) {
                    item.put("group" + n, groups.get(n));
                }
                out.add(item);
            }
            return out;
        }

        private static String text(Element e) {
            try {
                var t = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
                t.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
                var w = new java.io.StringWriter();
                t.transform(new javax.xml.transform.dom.DOMSource(e), new javax.xml.transform.stream.StreamResult(w));
                return w.toString();
            } catch (Exception ex) {
                return e.toString();
            }
        }
    }
}
