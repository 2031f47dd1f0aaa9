package net.bluemind.xmpp.domains;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.core.Domain;
import net.bluemind.xmpp.common.core.ItemValue;

/** Turns a BlueMind domain into the host names it serves: its name and each alias, never for the global domain. */
final class DomainVHosts {

    private static final Logger LOG = Logger.getLogger(DomainVHosts.class.getName());

    private DomainVHosts() {
    }

    /** The domain uid, or empty when the item cannot be identified at all. */
    static Optional<String> uid(ItemValue<Domain> item) {
        if (item.uid() != null && !item.uid().isBlank()) {
            return Optional.of(item.uid());
        }
        return Optional.ofNullable(item.value()).map(Domain::name).filter(n -> !n.isBlank());
    }

    /** Host names of a domain; empty for the global domain. Unusable names are logged and skipped. */
    static Set<String> hostsOf(ItemValue<Domain> item) {
        Domain d = item.value();
        Set<String> hosts = new LinkedHashSet<>();
        if (d == null || d.global()) {
            return hosts;
        }
        add(hosts, d.name(), item);
        for (String alias : d.aliases()) {
            add(hosts, alias, item);
        }
        return hosts;
    }

    private static void add(Set<String> hosts, String raw, ItemValue<Domain> item) {
        Optional<String> n = VHost.normalize(raw);
        if (n.isPresent()) {
            hosts.add(n.get());
        } else {
            LOG.warning(() -> "BlueMind domain " + item.uid() + ": '" + raw + "' is not a usable host name, skipped");
        }
    }
}
