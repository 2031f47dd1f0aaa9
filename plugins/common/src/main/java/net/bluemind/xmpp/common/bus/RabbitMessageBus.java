package net.bluemind.xmpp.common.bus;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/**
 * {@link MessageBus} on RabbitMQ (contract section 2). On each connection it declares the two durable
 * topic exchanges (idempotent), its own exclusive auto-delete server-named queue bound to both with
 * {@code #}, and consumes with manual acknowledgements.
 *
 * <ul>
 * <li>Every message is acknowledged once handled, whatever happened: a body that is not a JSON object
 * with an {@code operation} is logged and dropped; a subscriber's exception is logged.</li>
 * <li>Events with an operation the contract does not list are delivered too; subscribers ignore what
 * they do not know (the bus does not need to track each plugin's interests).</li>
 * <li>On a lost connection (network, broker restart) it reconnects by itself, waiting 500 ms, then twice
 * as long after each failure up to {@code bus-reconnect-max}; after every (re)connection every
 * subscriber gets {@link BusSubscriber#onConnected()} to re-sync what it missed.</li>
 * </ul>
 * All connection work and callbacks run on one thread, so subscribers never see two calls at once.
 */
public class RabbitMessageBus implements MessageBus {

    private static final Logger LOG = Logger.getLogger(RabbitMessageBus.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final List<String> EXCHANGES = List.of(BusEvent.SYSTEM, BusEvent.DIRECTORY);

    private final ConnectionFactory factory;
    private final String where;
    private final Duration maxRetry;
    private final List<BusSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService worker;

    private final Object lock = new Object();
    private Connection connection; // guarded by lock
    private volatile String queue;
    private volatile boolean connected;
    private volatile boolean started;
    private volatile boolean closed;
    private final Duration firstRetry;
    private Duration nextRetry; // worker thread only

    public RabbitMessageBus(Settings settings) {
        this(settings.get(Keys.AMQP_URI), settings.get(Keys.BUS_RECONNECT_MAX));
    }

    public RabbitMessageBus(URI amqpUri, Duration reconnectMax) {
        this.maxRetry = Objects.requireNonNull(reconnectMax);
        this.firstRetry = FIRST_RETRY.compareTo(reconnectMax) > 0 ? reconnectMax : FIRST_RETRY;
        this.nextRetry = firstRetry;
        this.factory = new ConnectionFactory();
        try {
            factory.setUri(amqpUri);
        } catch (Exception e) {
            throw new IllegalArgumentException("amqp-uri " + amqpUri.getHost() + ":" + amqpUri.getPort()
                    + " is not a usable AMQP URI: " + e.getMessage(), e);
        }
        // reconnection is ours: it must re-create the server-named queue and call onConnected
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout(5000);
        factory.setRequestedHeartbeat(20);
        this.where = factory.getHost() + ":" + factory.getPort() + factory.getVirtualHost();
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bm-xmpp-bus");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void subscribe(BusSubscriber subscriber) {
        subscribers.add(Objects.requireNonNull(subscriber));
        if (connected) {
            submit(() -> notifyConnected(subscriber));
        }
    }

    @Override
    public void start() {
        if (closed || started) {
            return;
        }
        started = true;
        submit(this::connect);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    /** The server-named queue of the current connection (null when not connected), for diagnostics. */
    public String queueName() {
        return connected ? queue : null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connected = false;
        worker.shutdownNow();
        Connection c;
        synchronized (lock) {
            c = connection;
            connection = null;
        }
        if (c != null) {
            try {
                c.close(2000);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing the bus connection", e);
            }
        }
        LOG.info(() -> "bus to " + where + " closed");
    }

    private void connect() {
        if (closed) {
            return;
        }
        Connection c = null;
        try {
            c = factory.newConnection("bm-xmpp");
            Channel ch = c.createChannel();
            for (String exchange : EXCHANGES) {
                ch.exchangeDeclare(exchange, "topic", true);
            }
            String q = ch.queueDeclare("", false, true, true, null).getQueue();
            for (String exchange : EXCHANGES) {
                ch.queueBind(q, exchange, "#");
            }
            ch.basicQos(200);
            ch.basicConsume(q, false, "bm-xmpp", new Consumer(ch));
            synchronized (lock) {
                if (closed) {
                    c.abort(1000);
                    return;
                }
                connection = c;
            }
            Connection current = c; // a listener added to a connection already dead is called at once
            c.addShutdownListener(cause -> onLost(current, cause));
            queue = q;
            connected = true;
            nextRetry = firstRetry;
            LOG.info(() -> "bus connected to " + where + " (queue " + q + ")");
            subscribers.forEach(this::notifyConnected);
        } catch (Exception e) {
            if (c != null) {
                c.abort(1000);
            }
            retry("cannot connect to " + where + ": " + describe(e));
        }
    }

    private void onLost(Connection c, ShutdownSignalException cause) {
        synchronized (lock) {
            if (closed || connection != c) {
                return;
            }
            connection = null;
        }
        connected = false;
        submit(() -> retry("connection to " + where + " lost: " + describe(cause)));
    }

    private void retry(String why) {
        if (closed) {
            return;
        }
        Duration wait = nextRetry;
        nextRetry = nextRetry.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : nextRetry.multipliedBy(2);
        LOG.warning(() -> "bus " + why + "; retrying in " + wait.toMillis() / 1000.0 + " s");
        try {
            worker.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void notifyConnected(BusSubscriber s) {
        try {
            s.onConnected();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "bus subscriber " + s + " failed in onConnected", e);
        }
    }

    private void submit(Runnable task) {
        try {
            worker.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : " " + msg);
    }

    /** Delivers on the bus thread and acknowledges every message once handled, good or bad. */
    private final class Consumer extends DefaultConsumer {

        Consumer(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
            Channel ch = getChannel();
            long deliveryTag = envelope.getDeliveryTag();
            submit(() -> {
                try {
                    dispatch(envelope.getExchange(), body);
                } finally {
                    try {
                        ch.basicAck(deliveryTag, false);
                    } catch (IOException | RuntimeException e) {
                        // the channel died with its connection, and the exclusive queue with it
                        LOG.log(Level.FINE, "ack failed", e);
                    }
                }
            });
        }
    }

    private void dispatch(String exchange, byte[] body) {
        BusEvent event;
        try {
            event = BusEventParser.parse(exchange, body);
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "bus message on " + exchange + " dropped, " + e.getMessage() + ": "
                    + preview(body));
            return;
        }
        for (BusSubscriber s : subscribers) {
            try {
                s.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "bus subscriber " + s + " failed on " + event, e);
            }
        }
    }

    private static String preview(byte[] body) {
        String s = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return body.length > 200 ? s + "..." : s;
    }
}
