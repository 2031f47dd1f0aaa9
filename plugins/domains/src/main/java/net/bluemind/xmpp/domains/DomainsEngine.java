package net.bluemind.xmpp.domains;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.bus.MessageBus;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.domains.certs.CertificateService;
import net.bluemind.xmpp.domains.certs.CertificateSink;

/**
 * The domains plugin without Tigase: the hosted set, its sync from bm-core and the bus, the periodic
 * safety re-sync, and one certificate for every domain (its hosts, their MUC services, the public host name). The Tigase adapter listens to {@link #hosted()} and
 * supplies the {@link CertificateSink}.
 */
public final class DomainsEngine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DomainsEngine.class.getName());

    private final Settings settings;
    private final MessageBus bus;
    private final ScheduledExecutorService scheduler;
    private final HostedDomains hosted = new HostedDomains();
    private final DomainSync sync;
    private final DomainEvents events;
    private final CertificateService certificates;
    private ScheduledFuture<?> periodic;

    public DomainsEngine(Settings settings, CoreClient core, MessageBus bus, ScheduledExecutorService scheduler,
            CertificateSink sink) {
        this.settings = settings;
        this.bus = bus;
        this.scheduler = scheduler;
        this.certificates = CertificateService.create(settings.get(Keys.CERTS_DIR), settings.get(Keys.CERT_KEY_TYPE),
                settings.get(Keys.CERT_VALIDITY), sink, scheduler);
        this.sync = new DomainSync(core, hosted, certificates, scheduler, settings.get(Keys.BUS_RECONNECT_MAX));
        this.events = new DomainEvents(sync);
        // first listener: a host has its certificate before the adapter announces it to Tigase
        hosted.addListener(certificates);
    }

    /**
     * Loads the domains (waiting at most {@code initialWait} for bm-core, retrying in the background after
     * that), then follows the bus, re-syncs every {@code domains-resync-interval} and watches the certs.
     */
    public void start(Duration initialWait) {
        certificates.start(settings.get(Keys.CERTS_CHECK_INTERVAL));
        if (!sync.resyncAndWait("start", initialWait)) {
            LOG.warning("starting without BlueMind's domains: bm-core did not answer; retrying in the background");
        }
        Duration every = settings.get(Keys.DOMAINS_RESYNC_INTERVAL);
        periodic = scheduler.scheduleWithFixedDelay(() -> sync.requestResync("periodic"),
                every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        bus.subscribe(events);
    }

    public HostedDomains hosted() {
        return hosted;
    }

    public DomainSync sync() {
        return sync;
    }

    public DomainEvents events() {
        return events;
    }

    public CertificateService certificates() {
        return certificates;
    }

    @Override
    public void close() {
        if (periodic != null) {
            periodic.cancel(false);
        }
        sync.close();
        certificates.close();
    }
}
