package net.bluemind.xmpp.domains.certs;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.domains.SerialWorker;
import net.bluemind.xmpp.domains.VHost;
import net.bluemind.xmpp.domains.VHostListener;

/**
 * Gives every hosted host a certificate: for a host without {@code <host>.pem} a self-signed one is
 * generated and written; whatever file is there is validated and handed to the {@link CertificateSink}.
 * When an operator replaces a file (seen by a directory watch, and by a periodic check as a safety net)
 * the new certificate is validated and handed over; a bad file is reported and the previous certificate
 * stays in service.
 */
public final class CertificateService implements VHostListener, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CertificateService.class.getName());
    /** Editors and copy tools write in steps: wait for the file to be quiet before reading it. */
    private static final long SETTLE_MS = 200;
    /** Bounds how long a new host waits for its certificate (RSA 3072 generation takes up to a few seconds). */
    private static final Duration PROVISION_WAIT = Duration.ofSeconds(10);

    private final CertificateDirectory dir;
    private final SelfSignedCertificateFactory factory;
    private final CertificateSink sink;
    private final Supplier<Set<String>> hostedHosts;
    private final ScheduledExecutorService scheduler;
    private final SerialWorker worker = new SerialWorker("bm-xmpp-certs");
    /** host -> certificate in service */
    private final Map<String, DomainCertificate> installed = new ConcurrentHashMap<>();
    /** host -> hash of the last file content rejected, so a bad file is reported once, not at every check */
    private final Map<String, String> rejected = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> settling = new ConcurrentHashMap<>();
    private DirectoryWatcher watcher;
    private ScheduledFuture<?> periodic;

    /**
     * @param hostedHosts the hosts currently served (files of other hosts are left alone)
     */
    public CertificateService(CertificateDirectory dir, SelfSignedCertificateFactory factory, CertificateSink sink,
            Supplier<Set<String>> hostedHosts, ScheduledExecutorService scheduler) {
        this.dir = dir;
        this.factory = factory;
        this.sink = sink;
        this.hostedHosts = hostedHosts;
        this.scheduler = scheduler;
    }

    public static CertificateService create(java.nio.file.Path certsDir,
            net.bluemind.xmpp.common.settings.CertKeyType keyType, Duration validity, CertificateSink sink,
            Supplier<Set<String>> hostedHosts, ScheduledExecutorService scheduler) {
        return new CertificateService(new CertificateDirectory(certsDir),
                new SelfSignedCertificateFactory(keyType, validity, Clock.systemUTC()), sink, hostedHosts, scheduler);
    }

    /** Starts watching the directory and checking it every {@code checkInterval}. */
    public void start(Duration checkInterval) {
        try {
            watcher = new DirectoryWatcher(dir.path(), this::fileChanged);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot watch " + dir.path() + " (" + e.getMessage()
                    + "); replaced certificates are picked up by the periodic check only");
        }
        periodic = scheduler.scheduleWithFixedDelay(() -> worker.execute(this::checkAll),
                checkInterval.toMillis(), checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Provisions the host's certificate before returning, so listeners registered after this one (Tigase)
     * hear of the host only once it has its certificate: a STARTTLS in between would otherwise make Tigase
     * generate a self-signed wildcard certificate of its own, which can shadow ours (seen after a restart).
     */
    @Override
    public void vhostAdded(VHost vhost) {
        Future<?> done = worker.submit(() -> {
            provision(vhost.name());
            return null;
        });
        try {
            done.get(PROVISION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warning(() -> "the certificate of " + vhost.name() + " is not ready after " + PROVISION_WAIT.toSeconds()
                    + " s: the host is served meanwhile and gets it when ready");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.SEVERE, "provisioning the certificate of " + vhost.name() + " failed", e.getCause());
        }
    }

    @Override
    public void vhostRemoved(VHost vhost) {
        // the file stays: the operator's, or ours for when the domain comes back
        worker.execute(() -> {
            installed.remove(vhost.name());
            rejected.remove(vhost.name());
        });
    }

    /** The certificate in service for a host, if any. */
    public Optional<DomainCertificate> installed(String host) {
        return Optional.ofNullable(installed.get(host));
    }

    /** Waits until pending work is done; for tests. */
    public boolean awaitIdle(Duration timeout) {
        return worker.awaitIdle(timeout);
    }

    /** Re-checks every hosted host now (also what the periodic check runs). */
    public void checkAllNow() {
        worker.execute(this::checkAll);
    }

    private void fileChanged(String fileName) {
        if (!fileName.endsWith(".pem") || fileName.startsWith(".")) {
            return;
        }
        String host = fileName.substring(0, fileName.length() - 4);
        if (!hosted(host)) {
            return;
        }
        settling.compute(host, (h, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return scheduler.schedule(() -> worker.execute(() -> load(h)), SETTLE_MS, TimeUnit.MILLISECONDS);
        });
    }

    private void checkAll() {
        Set<String> hosts = new TreeSet<>(hostedHosts.get());
        installed.keySet().retainAll(hosts);
        rejected.keySet().retainAll(hosts);
        hosts.forEach(this::provision);
    }

    private boolean hosted(String host) {
        return hostedHosts.get().contains(host);
    }

    /** Makes sure a hosted host has a file, then loads it if it changed. */
    private void provision(String host) {
        if (!hosted(host)) {
            return;
        }
        if (!dir.exists(host)) {
            generate(host);
        }
        load(host);
    }

    private void generate(String host) {
        try {
            SelfSignedCertificateFactory.Generated g = factory.create(host);
            String pem = PemFormat.write(List.of(g.certificate()), g.keyPair().getPrivate());
            if (dir.createIfAbsent(host, pem)) {
                LOG.info(() -> "generated a self-signed certificate for " + host + " in " + dir.fileOf(host)
                        + " (valid until " + g.certificate().getNotAfter().toInstant() + ")");
            }
        } catch (GeneralSecurityException | IOException | InvalidCertificateException | RuntimeException e) {
            LOG.log(Level.SEVERE, "could not write a self-signed certificate for " + host + " to " + dir.fileOf(host), e);
        }
    }

    private void load(String host) {
        settling.remove(host);
        if (!hosted(host)) {
            return;
        }
        byte[] content;
        try {
            Optional<byte[]> c = dir.read(host);
            if (c.isEmpty()) {
                return; // deleted: the next check generates a new one, the current one stays in service
            }
            content = c.get();
        } catch (IOException e) {
            LOG.warning("cannot read " + dir.fileOf(host) + ": " + e.getMessage());
            return;
        }
        String hash = PemFormat.sha256(content);
        DomainCertificate current = installed.get(host);
        if ((current != null && current.sha256().equals(hash)) || hash.equals(rejected.get(host))) {
            return;
        }
        DomainCertificate cert;
        try {
            cert = PemFormat.read(host, content);
        } catch (InvalidCertificateException e) {
            rejected.put(host, hash);
            LOG.severe("certificate file " + dir.fileOf(host) + " rejected: " + e.getMessage() + "; "
                    + (current == null ? "no certificate loaded for " + host
                            : "still serving the previous certificate (serial " + current.leaf().getSerialNumber().toString(16) + ")"));
            return;
        }
        warnIfSuspicious(cert);
        try {
            sink.install(cert);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "the server refused the certificate of " + host + " from " + dir.fileOf(host), e);
            rejected.put(host, hash);
            return;
        }
        rejected.remove(host);
        installed.put(host, cert);
        LOG.info(() -> (current == null ? "loaded" : "reloaded") + " certificate of " + host + " from " + dir.fileOf(host)
                + ": " + cert.leaf().getSubjectX500Principal().getName() + ", serial "
                + cert.leaf().getSerialNumber().toString(16) + ", valid until " + cert.leaf().getNotAfter().toInstant());
    }

    private static void warnIfSuspicious(DomainCertificate cert) {
        try {
            cert.leaf().checkValidity();
        } catch (java.security.cert.CertificateException e) {
            LOG.warning("certificate of " + cert.domain() + " is outside its validity period ("
                    + cert.leaf().getNotBefore().toInstant() + " - " + cert.leaf().getNotAfter().toInstant()
                    + "): clients will reject it");
        }
    }

    @Override
    public void close() {
        if (periodic != null) {
            periodic.cancel(false);
        }
        if (watcher != null) {
            watcher.close();
        }
        settling.values().forEach(f -> f.cancel(false));
        worker.close();
    }
}
