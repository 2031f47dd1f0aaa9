package net.bluemind.xmpp.common;

import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.bus.MessageBus;
import net.bluemind.xmpp.common.bus.RabbitMessageBus;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Settings;

/**
 * The long-lived resources every plugin shares in one server: the settings, the bm-core client,
 * the message bus and a small scheduler. Plugins' Tigase adapters obtain it through {@link #shared()};
 * engines receive its parts by constructor and never look it up.
 */
public final class BmXmpp implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BmXmpp.class.getName());
    private static BmXmpp shared;

    private final Settings settings;
    private final CoreClient core;
    private final MessageBus bus;
    private final ScheduledExecutorService scheduler;

    public BmXmpp(Settings settings, CoreClient core, MessageBus bus) {
        this.settings = Objects.requireNonNull(settings);
        this.core = Objects.requireNonNull(core);
        this.bus = Objects.requireNonNull(bus);
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "bm-xmpp-scheduler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Builds the real resources from settings; the bus starts connecting in the background. */
    public static BmXmpp create(Settings settings) {
        BmXmpp b = new BmXmpp(settings, new HttpCoreClient(settings), new RabbitMessageBus(settings));
        b.bus.start();
        return b;
    }

    /** Installs the server-wide instance (done once by the configuration bean). */
    public static synchronized void install(BmXmpp instance) {
        if (shared != null && shared != instance) {
            LOG.info("replacing the bm-xmpp runtime after a configuration change");
            shared.close();
        }
        shared = instance;
    }

    /**
     * The server-wide instance, built at first use from the {@code bm-xmpp.*} system properties
     * (see {@link Settings#fromSystemProperties()}). Invalid settings throw a {@link
     * net.bluemind.xmpp.common.settings.SettingsException} naming the key, which adapters log as SEVERE.
     */
    public static synchronized BmXmpp shared() {
        if (shared == null) {
            Settings settings = Settings.fromSystemProperties();
            LOG.info("bm-xmpp runtime starting with settings from bm-xmpp.* system properties");
            shared = create(settings);
        }
        return shared;
    }

    public Settings settings() {
        return settings;
    }

    public CoreClient core() {
        return core;
    }

    public MessageBus bus() {
        return bus;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        bus.close();
    }
}
