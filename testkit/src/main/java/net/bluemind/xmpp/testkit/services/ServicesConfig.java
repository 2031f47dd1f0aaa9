package net.bluemind.xmpp.testkit.services;

import java.nio.file.Path;

/**
 * Where the test services live: loopback ports that are not the services' defaults (so a developer's
 * own RabbitMQ or Elasticsearch is never touched) and a state directory for their data and logs.
 * Each value can be overridden by an environment variable (or the system property in brackets):
 * <ul>
 * <li>{@code BMX_SERVICES_DIR} ({@code bmx.services.dir}): state directory, default {@code <tmp>/bm-xmpp-services}</li>
 * <li>{@code BMX_RABBITMQ_PORT} ({@code bmx.rabbitmq.port}): AMQP port, default 5673</li>
 * <li>{@code BMX_ES_PORT} ({@code bmx.es.port}): Elasticsearch HTTP port, default 9201</li>
 * <li>{@code BMX_RABBITMQ_BIN} ({@code bmx.rabbitmq.bin}): RabbitMQ's scripts, default {@code /usr/lib/rabbitmq/bin}</li>
 * <li>{@code BMX_ES_ZIP} ({@code bmx.es.zip}): the ES integ-test zip, default: found in the local Maven repository</li>
 * </ul>
 */
public record ServicesConfig(Path stateDir, int rabbitPort, int esPort, Path rabbitBin, String esZip) {

    public static ServicesConfig fromEnvironment() {
        return new ServicesConfig(
                Path.of(value("BMX_SERVICES_DIR", "bmx.services.dir",
                        Path.of(System.getProperty("java.io.tmpdir"), "bm-xmpp-services").toString())),
                port("BMX_RABBITMQ_PORT", "bmx.rabbitmq.port", 5673),
                port("BMX_ES_PORT", "bmx.es.port", 9201),
                Path.of(value("BMX_RABBITMQ_BIN", "bmx.rabbitmq.bin", "/usr/lib/rabbitmq/bin")),
                value("BMX_ES_ZIP", "bmx.es.zip", ""));
    }

    private static String value(String env, String property, String def) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? def : v.trim();
    }

    private static int port(String env, String property, int def) {
        String v = value(env, property, Integer.toString(def));
        try {
            int p = Integer.parseInt(v);
            if (p < 1024 || p > 45000) {
                throw new NumberFormatException("out of range 1024..45000");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new ServiceException(env + "=" + v + " is not a usable port: " + e.getMessage());
        }
    }
}
