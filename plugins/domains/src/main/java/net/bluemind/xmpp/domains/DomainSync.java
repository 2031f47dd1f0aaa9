package net.bluemind.xmpp.domains;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.core.CoreException;
import net.bluemind.xmpp.common.core.Domain;
import net.bluemind.xmpp.common.core.ItemValue;
import net.bluemind.xmpp.domains.certs.CertificateSubject;
import net.bluemind.xmpp.domains.certs.CertificateSubjects;

/**
 * Keeps {@link HostedDomains} equal to bm-core's domains. Every change (full re-sync or one domain) runs on
 * one private thread, so changes are applied in the order they were asked for and never interleave. When
 * bm-core cannot answer, the hosted list is left as it is and a full re-sync is retried with back-off.
 */
public final class DomainSync implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DomainSync.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final String DOMAIN_EXTERNAL_URL = "domain.external.url";

    private final CoreClient core;
    private final HostedDomains hosted;
    private final ScheduledExecutorService scheduler;
    private final Duration maxRetry;
    private final SerialWorker worker = new SerialWorker("bm-xmpp-domains");
    private final CertificateSubjects certificates;
    private final AtomicLong fullSyncs = new AtomicLong();
    /** last known public host names (kept when bm-core cannot tell): the system's, and each domain's own */
    private Optional<String> systemPublicHost = Optional.empty();
    private final Map<String, Optional<String>> domainPublicHost = new HashMap<>();
    private Duration nextRetry = FIRST_RETRY;
    private ScheduledFuture<?> pendingRetry;

    /**
     * @param scheduler used only to schedule retries after bm-core failures
     * @param maxRetry longest wait between two retries
     */
    public DomainSync(CoreClient core, HostedDomains hosted, ScheduledExecutorService scheduler, Duration maxRetry) {
        this(core, hosted, CertificateSubjects.NONE, scheduler, maxRetry);
    }

    /**
     * @param certificates told what each domain's certificate covers (its hosts and the server's public
     *        name), before the hosts are applied
     */
    public DomainSync(CoreClient core, HostedDomains hosted, CertificateSubjects certificates,
            ScheduledExecutorService scheduler, Duration maxRetry) {
        this.core = core;
        this.certificates = certificates;
        this.hosted = hosted;
        this.scheduler = scheduler;
        this.maxRetry = maxRetry;
    }

    /** Asks for a full re-sync from bm-core; returns at once. */
    public void requestResync(String why) {
        worker.execute(() -> resyncNow(why));
    }

    /** A domain was created or changed: re-read it by name or uid. */
    public void domainChanged(String nameOrUid) {
        worker.execute(() -> refreshOne(nameOrUid));
    }

    /** A domain was deleted: drop its hosts (looked up by uid, else by one of its host names). */
    public void domainDeleted(String uidOrName) {
        worker.execute(() -> {
            String uid = hosted.knowsDomain(uidOrName) ? uidOrName : hosted.domainUidOf(uidOrName).orElse(null);
            if (uid != null) {
                domainPublicHost.remove(uid);
                certificates.removeSubject(uid);
            }
            if (uid == null || !hosted.removeDomain(uid)) {
                LOG.info(() -> "domain.deleted for '" + uidOrName + "', which is not hosted: nothing to do");
            } else {
                LOG.info(() -> "BlueMind domain " + uid + " deleted: its hosts are gone");
            }
        });
    }

    /**
     * Runs a full re-sync on the caller's thread, waiting at most {@code timeout}; true when it succeeded.
     * Used at start so the hosts exist before Tigase accepts connections.
     */
    public boolean resyncAndWait(String why, Duration timeout) {
        try {
            return worker.submit(() -> resyncNow(why)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "initial domain load did not finish in " + timeout.toMillis() + "ms", e);
            return false;
        }
    }

    /** Waits until everything asked so far has been applied; for tests and orderly shutdown. */
    public boolean awaitIdle(Duration timeout) {
        return worker.awaitIdle(timeout);
    }

    /** How many full re-syncs succeeded so far. */
    public long fullSyncCount() {
        return fullSyncs.get();
    }

    private boolean resyncNow(String why) {
        List<ItemValue<Domain>> all;
        try {
            all = core.domains();
        } catch (CoreException | RuntimeException e) {
            LOG.warning(() -> "domain re-sync (" + why + ") failed, keeping the " + hosted.size()
                    + " known hosts: " + e.getMessage());
            scheduleRetry();
            return false;
        }
        Map<String, Set<String>> domains = new HashMap<>();
        List<CertificateSubject> subjects = new ArrayList<>();
        Optional<String> system = readSystemPublicHost();
        for (ItemValue<Domain> item : all) {
            if (item == null) {
                continue;
            }
            Optional<String> uid = DomainVHosts.uid(item);
            if (uid.isEmpty()) {
                LOG.warning("bm-core listed a domain with neither uid nor name: skipped");
                continue;
            }
            Set<String> hosts = DomainVHosts.hostsOf(item);
            if (!hosts.isEmpty()) {
                domains.put(uid.get(), hosts);
                subjects.add(CertificateSubject.of(uid.get(), List.copyOf(hosts), publicHostOf(uid.get(), system)));
            }
        }
        domainPublicHost.keySet().retainAll(domains.keySet());
        certificates.setSubjects(subjects);
        hosted.replaceAll(domains);
        fullSyncs.incrementAndGet();
        cancelRetry();
        LOG.info(() -> "domains re-synced (" + why + "): " + domains.size() + " domains, " + hosted.size() + " hosts");
        return true;
    }

    private void refreshOne(String nameOrUid) {
        Optional<ItemValue<Domain>> found;
        try {
            found = core.lookupDomain(nameOrUid);
        } catch (CoreException | RuntimeException e) {
            LOG.warning(() -> "could not re-read domain '" + nameOrUid + "' from bm-core (" + e.getMessage()
                    + "): a full re-sync will follow");
            scheduleRetry();
            return;
        }
        if (found.isEmpty()) {
            if (hosted.knowsDomain(nameOrUid) || hosted.contains(nameOrUid)) {
                LOG.warning(() -> "bm-core does not know domain '" + nameOrUid + "' any more: full re-sync");
                resyncNow("domain '" + nameOrUid + "' vanished");
            } else {
                LOG.warning(() -> "event names domain '" + nameOrUid + "', unknown to bm-core: ignored");
            }
            return;
        }
        ItemValue<Domain> item = found.get();
        Optional<String> uid = DomainVHosts.uid(item);
        if (uid.isEmpty()) {
            LOG.warning(() -> "bm-core answered a domain without uid nor name for '" + nameOrUid + "': ignored");
            return;
        }
        Set<String> hosts = DomainVHosts.hostsOf(item);
        if (hosts.isEmpty()) {
            certificates.removeSubject(uid.get());
        } else {
            certificates.setSubject(CertificateSubject.of(uid.get(), List.copyOf(hosts),
                    publicHostOf(uid.get(), readSystemPublicHost())));
        }
        hosted.putDomain(uid.get(), hosts);
        LOG.fine(() -> "domain " + uid.get() + " now serves " + hosts);
    }

    /** {@code external-url} of the system configuration; the last known one when bm-core cannot tell. */
    private Optional<String> readSystemPublicHost() {
        try {
            systemPublicHost = core.externalUrl().flatMap(u -> PublicHost.parse(u, "BlueMind's external-url"));
        } catch (CoreException | RuntimeException e) {
            LOG.info(() -> "could not read BlueMind's external-url (" + e.getMessage() + "): keeping "
                    + systemPublicHost.orElse("none"));
        }
        return systemPublicHost;
    }

    /** The domain's {@code domain.external.url}, else the system's. */
    private Optional<String> publicHostOf(String domainUid, Optional<String> system) {
        try {
            String raw = core.domainSettings(domainUid).get(DOMAIN_EXTERNAL_URL);
            domainPublicHost.put(domainUid, PublicHost.parse(raw, "domain " + domainUid + "'s " + DOMAIN_EXTERNAL_URL));
        } catch (CoreException | RuntimeException e) {
            LOG.info(() -> "could not read the settings of domain " + domainUid + " (" + e.getMessage()
                    + "): keeping its last known public host name");
        }
        return domainPublicHost.getOrDefault(domainUid, Optional.empty()).or(() -> system);
    }

    private synchronized void scheduleRetry() {
        if (pendingRetry != null && !pendingRetry.isDone()) {
            return;
        }
        Duration wait = nextRetry;
        nextRetry = nextRetry.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : nextRetry.multipliedBy(2);
        try {
            pendingRetry = scheduler.schedule(() -> requestResync("retry after bm-core failure"),
                    wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "retry not scheduled (shutting down?)", e);
        }
    }

    private synchronized void cancelRetry() {
        nextRetry = FIRST_RETRY;
        if (pendingRetry != null) {
            pendingRetry.cancel(false);
            pendingRetry = null;
        }
    }

    @Override
    public void close() {
        cancelRetry();
        worker.close();
    }
}
