package net.bluemind.xmpp.check;

import com.rabbitmq.client.ConnectionFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.core.CoreException;
import net.bluemind.xmpp.common.core.Domain;
import net.bluemind.xmpp.common.core.ItemValue;

/** bm-core (and its token), RabbitMQ and Elasticsearch reachable. */
final class ServiceChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private ServiceChecks() {
    }

    /** The hosted XMPP domains (names and aliases of non-global domains), or empty when bm-core failed. */
    static List<String> core(CoreClient core, List<CheckResult> out) {
        try {
            List<String> hosts = new ArrayList<>();
            for (ItemValue<Domain> d : core.domains()) {
                if (d.value() != null && !d.value().global()) {
                    hosts.add(d.value().name());
                    hosts.addAll(d.value().aliases());
                }
            }
            out.add(CheckResult.ok("core", "bm-core", "answers, API token accepted, " + hosts.size() + " XMPP domain(s)"));
            return hosts;
        } catch (CoreException e) {
            out.add(switch (e.kind()) {
                case REJECTED -> CheckResult.fail("core", "bm-core", "the API token was refused: " + e.getMessage(),
                        "check core-token-file (normally /etc/bm/bm-core.tok, readable by the bm-xmpp user)");
                case UNAVAILABLE -> CheckResult.fail("core", "bm-core", "unreachable: " + e.getMessage(),
                        "check core-url or /etc/bm/bm.ini and that bm-core runs");
                default -> CheckResult.fail("core", "bm-core", e.getMessage(), "check core-url points at bm-core");
            });
            return List.of();
        }
    }

    static CheckResult rabbitmq(URI amqp) {
        ConnectionFactory f = new ConnectionFactory();
        try {
            f.setUri(amqp);
            f.setConnectionTimeout((int) TIMEOUT.toMillis());
            f.newConnection("bm-xmpp check").close();
            return CheckResult.ok("bus", "RabbitMQ", "connected to " + redacted(amqp));
        } catch (Exception e) {
            return CheckResult.fail("bus", "RabbitMQ", "cannot connect to " + redacted(amqp) + ": " + e,
                    "check amqp-uri and that RabbitMQ runs");
        }
    }

    static CheckResult elasticsearch(URI es) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(
                    HttpRequest.newBuilder(es.resolve("/_cluster/health")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return CheckResult.fail("es", "Elasticsearch", es + " answered HTTP " + r.statusCode(), "check es-urls");
            }
            if (r.body().contains("\"status\":\"red\"")) {
                return CheckResult.fail("es", "Elasticsearch", "cluster health is red", "see Elasticsearch's logs");
            }
            return CheckResult.ok("es", "Elasticsearch", es + " answers, cluster "
                    + (r.body().contains("\"status\":\"yellow\"") ? "yellow" : "green"));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return CheckResult.fail("es", "Elasticsearch", "unreachable at " + es + ": " + e, "check es-urls and that Elasticsearch runs");
        }
    }

    private static String redacted(URI amqp) {
        return amqp.getScheme() + "://" + amqp.getHost() + ":" + (amqp.getPort() < 0 ? 5672 : amqp.getPort());
    }
}
