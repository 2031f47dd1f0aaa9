package net.bluemind.xmpp.testkit.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The archive as BlueMind's own core reads it (../shared/bluemind-contract.md, section 3): {@code im_read_alias},
 * a conversation between two users is {@code (from:A AND to:B) OR (from:B AND to:A)}, a room's history is
 * {@code to:<room>}, newest first. Answers are Elasticsearch's {@code hits.hits} (each {@code _source} holds
 * {@code id}, {@code timecreate}, {@code from}, {@code to}, {@code message}).
 */
public final class BlueMindReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI es;

    public BlueMindReader(URI es) {
        this.es = es;
    }

    /** The conversation between two bare JIDs, newest first, once it holds at least {@code expected} messages. */
    public JsonNode awaitConversation(String a, String b, int expected) throws IOException, InterruptedException {
        return awaitHits("""
                {"bool":{"should":[
                  {"bool":{"filter":[{"term":{"from":"%1$s"}},{"term":{"to":"%2$s"}}]}},
                  {"bool":{"filter":[{"term":{"from":"%2$s"}},{"term":{"to":"%1$s"}}]}}],
                 "minimum_should_match":1}}""".formatted(a, b), expected);
    }

    /** A room's history, newest first, once it holds at least {@code expected} messages. */
    public JsonNode awaitRoom(String room, int expected) throws IOException, InterruptedException {
        return awaitHits("{\"term\":{\"to\":\"" + room + "\"}}", expected);
    }

    /**
     * The hits of {@code query} (newest first, at most 100), once there are at least {@code expected}, read a second
     * time 1.5 s later so that a duplicate arriving within the flush interval is seen too. Fails after 20 s.
     */
    public JsonNode awaitHits(String query, int expected) throws IOException, InterruptedException {
        String body = "{\"size\":100,\"query\":" + query + ",\"sort\":[{\"timecreate\":\"desc\"}]}";
        Instant deadline = Instant.now().plusSeconds(20);
        JsonNode hits = null;
        while (Instant.now().isBefore(deadline)) {
            hits = search(body);
            if (hits != null && hits.size() >= expected) {
                Thread.sleep(1_500);
                return search(body);
            }
            Thread.sleep(300);
        }
        throw new AssertionError("expected " + expected + " archived messages for " + query + ", found " + hits);
    }

    private JsonNode search(String body) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(es.resolve("/im_read_alias/_search"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? JSON.readTree(r.body()).path("hits").path("hits") : null;
    }
}
