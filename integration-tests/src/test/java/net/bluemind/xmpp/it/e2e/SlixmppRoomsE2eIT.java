package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Group chat with a real client library that is not Smack (issue 13): slixmpp (poezio's engine) logs in with
 * STARTTLS, verifying the server's certificate against the domain's own certificate file; two users talk in a room
 * at {@code conference.<domain>} with slixmpp's XEP-0045 plugin; a third joins later and gets the history (XEP-0203
 * delay from the room, under the nick used, the room's XEP-0359 stanza-id), then reads the room's archive with
 * slixmpp's XEP-0313 plugin by pages of 2, after the first live id, and by full text; a members-only room is read by
 * its member and refuses an outsider's join and MAM query. The client is the script
 * {@code clients/slixmpp_rooms.py}, which records what it saw as JSON; this class asserts on it. Skipped when the
 * Tigase under test has no tigase-muc, or when python3-slixmpp is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlixmppRoomsE2eIT {

    static final String NO_SLIXMPP = "slixmpp e2e skipped: python3-slixmpp is not installed for %s "
            + "(apt-get install python3-slixmpp; scripts/lib/prereqs.sh installs it)";
    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> ROLES = List.of("ann", "ben", "cid", "out");

    private final ObjectMapper json = new ObjectMapper();
    private E2eStack stack;
    private String python;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
    }

    @Test
    void slixmppTalksInARoomGetsTheHistoryOnJoinPagesTheRoomArchiveAndIsRefusedAMembersOnlyRoom() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        assumeTrue(stack.hasComponent("tigase-muc"), GroupChatE2eIT.NO_MUC);
        python = System.getProperty("bmx.python", Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
        assumeTrue(exitCode(python, "-c", "import slixmpp") == 0, String.format(NO_SLIXMPP, python));

        List<String> locals = new ArrayList<>();
        for (String role : ROLES) {
            String local = "sli-" + role;
            stack.core.addUser(local + "@" + DOMAIN, role + "-pw", "hasIM");
            locals.add(local);
        }
        JsonNode r = runClient(locals);

        String room = "talk-" + RUN + "@conference." + DOMAIN;
        String word = "quince" + RUN;
        List<String> said = List.of("ann one " + word, "ben one", "ann two", "ben two", "ann three");
        for (int i = 0; i < ROLES.size(); i++) {
            assertThat(r.path("login_" + ROLES.get(i)).path("bound").asText())
                    .isEqualTo(locals.get(i) + "@" + DOMAIN + "/slixmpp");
        }

        // two users talk: each message reaches the other under the sender's nick with the room's archive id
        JsonNode talk = r.path("talk");
        assertThat(ints(talk.path("ann_status_codes"))).as("ann created the room").contains(110, 201);
        assertThat(texts(talk.path("ann_occupants"))).contains("ann", "ben");
        JsonNode live = talk.path("live_at_ben");
        assertThat(field(live, "body")).containsExactlyElementsOf(said);
        assertThat(field(live, "from")).containsExactlyElementsOf(said.stream().map(s -> room + "/" + s.split(" ")[0]).toList());
        assertThat(field(live, "stanza_id_by")).containsOnly(room);
        List<String> ids = field(live, "stanza_id");
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().hasSize(said.size());

        // a third user joins later: the history, oldest first, as slixmpp counts it (delay from the room)
        JsonNode history = r.path("late_join").path("history");
        assertThat(field(history, "body")).as("history on join").containsExactlyElementsOf(said);
        assertThat(field(history, "from")).containsExactlyElementsOf(field(live, "from"));
        assertThat(field(history, "delay_from")).containsOnly(room);
        assertThat(field(history, "delay_stamp")).allSatisfy(s -> assertThat(Instant.parse(s))
                .isBefore(Instant.now()).isAfter(Instant.now().minus(Duration.ofMinutes(10))));
        assertThat(field(history, "stanza_id")).containsExactlyElementsOf(ids);
        assertThat(field(history, "stanza_id_by")).containsOnly(room);
        assertThat(field(r.path("late_join_maxstanzas_2"), "body")).as("maxstanzas='2'")
                .containsExactlyElementsOf(said.subList(3, 5));

        // the room's archive by MAM, pages of 2 (slixmpp's RSM iterator), each under the nick with its archive id
        List<JsonNode> pages = new ArrayList<>();
        r.path("mam_pages").forEach(pages::add);
        assertThat(pages).as("pages of 2").hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(p -> assertThat(p.path("messages").size()).isLessThanOrEqualTo(2));
        assertThat(field(pages.get(0).path("messages"), "body")).containsExactlyElementsOf(said.subList(0, 2));
        List<String> paged = new ArrayList<>();
        List<String> pagedIds = new ArrayList<>();
        List<String> pagedFrom = new ArrayList<>();
        pages.forEach(p -> {
            paged.addAll(field(p.path("messages"), "body"));
            pagedIds.addAll(field(p.path("messages"), "archive_id"));
            pagedFrom.addAll(field(p.path("messages"), "from"));
        });
        assertThat(paged).containsExactlyElementsOf(said);
        assertThat(pagedIds).containsExactlyElementsOf(ids);
        assertThat(pagedFrom).containsExactlyElementsOf(field(live, "from"));
        assertThat(pages.get(pages.size() - 1).path("complete").asText()).isEqualTo("true");
        assertThat(field(r.path("mam_after_first_live_id"), "body")).containsExactlyElementsOf(said.subList(1, 5));
        assertThat(field(r.path("mam_fulltext"), "body")).as("full text").containsExactly(said.get(0));

        // a members-only room: its member reads it, an outsider can neither read nor join it
        JsonNode board = r.path("board");
        assertThat(board.path("membersonly_after").asText()).isIn("true", "1");
        assertThat(field(r.path("board_member_mam"), "body")).containsExactly("board only medlar" + RUN);
        assertThat(r.path("board_outsider_mam").asText()).isEqualTo("forbidden");
        assertThat(r.path("board_outsider_join").asText()).isEqualTo("registration-required");
        assertThat(r.path("connected_at_end").toString()).isEqualTo(
                "{\"ann\":true,\"ben\":true,\"cid\":true,\"out\":true}");
    }

    /** Runs the script; returns its result once it reported no step error (else fails with them). */
    private JsonNode runClient(List<String> locals) throws Exception {
        Path dir = Files.createTempDirectory("slixmpp-rooms");
        Path script = dir.resolve("slixmpp_rooms.py");
        try (InputStream in = getClass().getResourceAsStream("/clients/slixmpp_rooms.py")) {
            Files.copy(in, script);
        }
        ObjectNode cfg = json.createObjectNode().put("host", "127.0.0.1").put("port", 5222).put("domain", DOMAIN)
                .put("run", RUN).put("ca_file", caFile(stack, dir).toString()).put("debug_log", dir.resolve("slixmpp.log").toString());
        var users = cfg.putArray("users");
        for (int i = 0; i < locals.size(); i++) {
            users.addArray().add(locals.get(i)).add(ROLES.get(i) + "-pw");
        }
        Path config = Files.writeString(dir.resolve("config.json"), cfg.toString());
        Path result = dir.resolve("result.json");
        Process p = new ProcessBuilder(python, script.toString(), config.toString(), result.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the slixmpp client did not finish within 5 min (see " + dir + ")");
        }
        assertThat(Files.exists(result)).as("the slixmpp client wrote its result (exit %s, output: %s)", p.exitValue(),
                Files.readString(dir.resolve("output.txt"))).isTrue();
        JsonNode r = json.readTree(result.toFile());
        System.out.println("slixmpp " + r.path("slixmpp").asText() + " result in " + result + ", stanza log " + dir.resolve("slixmpp.log"));
        assertThat(r.path("errors").isMissingNode()).as("steps that failed in slixmpp: %s\n%s (stanza log: %s)",
                r.path("errors"), r.path("tracebacks"), dir.resolve("slixmpp.log")).isTrue();
        return r;
    }

    /** The domain's certificate alone (its file also holds the key), waiting for the domains plugin to write it. */
    static Path caFile(E2eStack stack, Path dir) throws Exception {
        Path pem = stack.certsDir().resolve(DOMAIN + ".pem");
        Instant deadline = Instant.now().plusSeconds(30);
        while (!Files.exists(pem) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        Matcher m = Pattern.compile("-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----")
                .matcher(Files.readString(pem, StandardCharsets.US_ASCII));
        StringBuilder certs = new StringBuilder();
        while (m.find()) {
            certs.append(m.group()).append('\n');
        }
        assertThat(certs).as("certificates in %s", pem).isNotEmpty();
        return Files.writeString(dir.resolve(DOMAIN + "-ca.pem"), certs);
    }

    private static int exitCode(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (Exception e) {
            return -1;
        }
    }

    private static List<String> field(JsonNode array, String name) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(name).isNull() || n.path(name).isMissingNode() ? null : n.path(name).asText()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asInt()));
        return values;
    }
}
