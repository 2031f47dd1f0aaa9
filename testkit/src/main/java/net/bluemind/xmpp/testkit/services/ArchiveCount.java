package net.bluemind.xmpp.testkit.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How many archived messages (BlueMind's {@code im_read_alias}) contain a word, after a refresh: -1 if ES cannot say. */
public final class ArchiveCount {

    private static final Pattern COUNT = Pattern.compile("\"count\":(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ArchiveCount() {
    }

    public static long withWord(URI es, String word) throws IOException, InterruptedException {
        HTTP.send(HttpRequest.newBuilder(es.resolve("/im_read_alias/_refresh")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(es.resolve("/im_read_alias/_count"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"match\":{\"message\":\"" + word + "\"}}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = COUNT.matcher(r.body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The count, once it reaches {@code expected} or when {@code timeout} has passed. */
    public static long awaitWithWord(URI es, String word, long expected, java.time.Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long count = withWord(es, word);
        while (count < expected && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            count = withWord(es, word);
        }
        return count;
    }
}
