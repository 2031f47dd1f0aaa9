package net.bluemind.xmpp.domains;

import java.util.Optional;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.common.bus.BusSubscriber;

/**
 * Reads BlueMind's system notifications (contract section 2) and turns them into {@link DomainSync}
 * requests. Bad events (no {@code domain}, blank) are logged and dropped; the bus acknowledges them.
 */
public final class DomainEvents implements BusSubscriber {

    private static final Logger LOG = Logger.getLogger(DomainEvents.class.getName());
    static final String CORE_RUNNING = "CORE_STATE_RUNNING";

    private final DomainSync sync;

    public DomainEvents(DomainSync sync) {
        this.sync = sync;
    }

    @Override
    public void onEvent(BusEvent event) {
        if (!BusEvent.SYSTEM.equals(event.exchange()) || event.operation() == null) {
            return;
        }
        switch (event.operation()) {
            case "domain.created", "domain.updated" -> domain(event).ifPresent(sync::domainChanged);
            case "domain.deleted" -> domain(event).ifPresent(sync::domainDeleted);
            case "core.state" -> {
                if (CORE_RUNNING.equals(event.property("state").orElse(null))) {
                    sync.requestResync("bm-core is running");
                }
            }
            default -> {
                // other operations belong to other plugins
            }
        }
    }

    @Override
    public void onConnected() {
        sync.requestResync("bus (re)connected");
    }

    private static Optional<String> domain(BusEvent event) {
        Optional<String> d = event.property("domain").map(String::trim).filter(s -> !s.isEmpty());
        if (d.isEmpty()) {
            LOG.warning(() -> event.operation() + " without a 'domain' property: ignored " + event.properties());
        }
        return d;
    }
}
