package net.bluemind.xmpp.testkit.bus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Publishes notifications as BlueMind does (contract section 2): on the durable topic exchange named
 * after the topic, routing key = operation, body = JSON object of string properties with
 * {@code operation}. Each publish waits for the broker's confirm, so a test knows the message is in.
 */
public final class BusPublisher implements AutoCloseable {

    public static final String SYSTEM = "bm.system.notifications";
    public static final String DIRECTORY = "bm.directory.notifications";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final Channel channel;

    public BusPublisher(URI amqpUri) {
        try {
            ConnectionFactory f = new ConnectionFactory();
            f.setUri(amqpUri);
            connection = f.newConnection("bm-xmpp-test-publisher");
            channel = connection.createChannel();
            channel.confirmSelect();
            channel.exchangeDeclare(SYSTEM, "topic", true);
            channel.exchangeDeclare(DIRECTORY, "topic", true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect the test publisher to " + amqpUri.getAuthority(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot connect the test publisher to " + amqpUri.getAuthority(), e);
        }
    }

    /** Publishes one contract-shaped event; {@code properties} must not contain {@code operation}. */
    public void publish(String exchange, String operation, Map<String, String> properties) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("operation", operation);
        body.putAll(properties);
        try {
            publishRaw(exchange, operation, JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Publishes any body, e.g. garbage for failure tests. */
    public void publishRaw(String exchange, String routingKey, byte[] body) {
        try {
            channel.basicPublish(exchange, routingKey,
                    new AMQP.BasicProperties.Builder().contentType("application/json").build(), body);
            channel.waitForConfirmsOrDie(10_000);
        } catch (IOException e) {
            throw new UncheckedIOException("publish on " + exchange + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no broker confirm within 10 s", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close(2000);
        } catch (IOException | RuntimeException e) {
            // already gone: nothing to release
        }
    }
}
