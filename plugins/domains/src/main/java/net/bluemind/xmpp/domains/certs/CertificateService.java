package net.bluemind.xmpp.domains.certs;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.domains.SerialWorker;
import net.bluemind.xmpp.domains.VHost;
import net.bluemind.xmpp.domains.VHostListener;

/**
 * Gives every BlueMind domain one certificate, {@code <domain>.pem}, covering the domain, its aliases,
 * {@code conference.} of each and the server's public host name ({@link CertificateSubject}). A missing file
 * is generated; a generated one whose names or profile are outdated (an alias added, a new public name, an
 * older version of this plugin) is generated again; an operator's file is never touched, only checked for
 * the names it misses. Whatever file is there is validated and handed to the {@link CertificateSink}, which
 * serves it under every name it carries. An operator's {@code <alias>.pem} still wins for its own names (it
 * is handed over after the domain's). When an operator replaces a file (seen by a directory watch, and by a
 * periodic check as a safety net) the new certificate is validated and handed over; a bad file is reported
 * and the previous certificate stays in service.
 */
public final class CertificateService implements VHostListener, CertificateSubjects, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CertificateService.class.getName());
    /** Editors and copy tools write in steps: wait for the file to be quiet before reading it. */
    private static final long SETTLE_MS = 200;
    /** Bounds how long a new host waits for its certificate (RSA 3072 generation takes up to a few seconds). */
    private static final Duration PROVISION_WAIT = Duration.ofSeconds(10);

    private final CertificateDirectory dir;
    private final SelfSignedCertificateFactory factory;
    private final CertificateSink sink;
    private final ScheduledExecutorService scheduler;
    private final SerialWorker worker = new SerialWorker("bm-xmpp-certs");
    /** domain uid -> what its certificate must cover */
    private final Map<String, CertificateSubject> subjects = new ConcurrentHashMap<>();
    /** file host (a domain name, or an alias with an operator's file) -> certificate in service */
    private final Map<String, DomainCertificate> installed = new ConcurrentHashMap<>();
    /** file host -> hash of the last file content rejected, so a bad file is reported once, not at every check */
    private final Map<String, String> rejected = new ConcurrentHashMap<>();
    /** file host -> hash of an operator's file already reported as missing names */
    private final Map<String, String> toldIncomplete = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> settling = new ConcurrentHashMap<>();
    private DirectoryWatcher watcher;
    private ScheduledFuture<?> periodic;

    public CertificateService(CertificateDirectory dir, SelfSignedCertificateFactory factory, CertificateSink sink,
            ScheduledExecutorService scheduler) {
        this.dir = dir;
        this.factory = factory;
        this.sink = sink;
        this.scheduler = scheduler;
    }

    public static CertificateService create(java.nio.file.Path certsDir,
            net.bluemind.xmpp.common.settings.CertKeyType keyType, Duration validity, CertificateSink sink,
            ScheduledExecutorService scheduler) {
        return new CertificateService(new CertificateDirectory(certsDir),
                new SelfSignedCertificateFactory(keyType, validity, Clock.systemUTC()), sink, scheduler);
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

    // --- what the domains are (from the domain sync, before their hosts are announced) ----------

    /** Every domain's subject (a full re-sync); certificates follow in the background. */
    @Override
    public void setSubjects(Collection<CertificateSubject> all) {
        Map<String, CertificateSubject> next = new HashMap<>();
        all.forEach(s -> next.put(s.domainUid(), s));
        subjects.keySet().retainAll(next.keySet());
        subjects.putAll(next);
        worker.execute(this::checkAll);
    }

    /** One domain's subject (created or changed); its certificate follows in the background. */
    @Override
    public void setSubject(CertificateSubject subject) {
        subjects.put(subject.domainUid(), subject);
        worker.execute(() -> provision(subject.domainUid()));
    }

    @Override
    public void removeSubject(String domainUid) {
        subjects.remove(domainUid);
    }

    /**
     * Provisions the host's certificate before returning, so listeners registered after this one (Tigase)
     * hear of the host only once it has its certificate: a STARTTLS in between would otherwise make Tigase
     * generate a self-signed wildcard certificate of its own, which can shadow ours (seen after a restart).
     */
    @Override
    public void vhostAdded(VHost vhost) {
        subjects.computeIfAbsent(vhost.domainUid(), uid -> {
            LOG.fine(() -> "no certificate names known for domain " + uid + ": " + vhost.name() + " only");
            return CertificateSubject.of(uid, List.of(vhost.name()), Optional.empty());
        });
        Future<?> done = worker.submit(() -> {
            provision(vhost.domainUid());
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

    /** The certificate in service for a host: its own operator's file, else its domain's. */
    public Optional<DomainCertificate> installed(String host) {
        DomainCertificate own = installed.get(host);
        if (own != null) {
            return Optional.of(own);
        }
        return subjects.values().stream().filter(s -> s.hosts().contains(host)).findFirst()
                .map(s -> installed.get(s.name()));
    }

    /** Waits until pending work is done; for tests. */
    public boolean awaitIdle(Duration timeout) {
        return worker.awaitIdle(timeout);
    }

    /** Re-checks every domain now (also what the periodic check runs). */
    public void checkAllNow() {
        worker.execute(this::checkAll);
    }

    private void fileChanged(String fileName) {
        if (!fileName.endsWith(".pem") || fileName.startsWith(".")) {
            return;
        }
        String host = fileName.substring(0, fileName.length() - 4);
        Optional<CertificateSubject> owner = subjects.values().stream().filter(s -> s.hosts().contains(host)).findFirst();
        if (owner.isEmpty()) {
            return;
        }
        String uid = owner.get().domainUid();
        settling.compute(host, (h, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return scheduler.schedule(() -> worker.execute(() -> {
                settling.remove(h);
                provision(uid);
            }), SETTLE_MS, TimeUnit.MILLISECONDS);
        });
    }

    private void checkAll() {
        Set<String> hosts = new HashSet<>();
        subjects.values().forEach(s -> hosts.addAll(s.hosts()));
        installed.keySet().retainAll(hosts);
        rejected.keySet().retainAll(hosts);
        new TreeSet<>(subjects.keySet()).forEach(this::provision);
    }

    /** Makes sure the domain's file exists and is current, loads it if it changed, then its aliases' own files. */
    private void provision(String domainUid) {
        CertificateSubject s = subjects.get(domainUid);
        if (s == null) {
            return;
        }
        ensureDomainFile(s);
        boolean reinstalled = load(s.name(), s);
        for (String alias : s.aliases()) {
            aliasFile(alias, reinstalled);
        }
    }

    private void ensureDomainFile(CertificateSubject s) {
        Optional<byte[]> content;
        try {
            content = dir.read(s.name());
        } catch (IOException e) {
            LOG.warning("cannot read " + dir.fileOf(s.name()) + ": " + e.getMessage());
            return;
        }
        if (content.isEmpty()) {
            generate(s, null);
            return;
        }
        X509Certificate leaf;
        try {
            leaf = PemFormat.read(s.name(), content.get()).leaf();
        } catch (InvalidCertificateException e) {
            return; // load() reports it
        }
        if (SelfSignedCertificateFactory.isGenerated(leaf) && !SelfSignedCertificateFactory.isCurrent(leaf, s.dnsNames())) {
            LOG.info(() -> "the generated certificate of " + s.name() + " covers " + CertificateNames.dnsNames(leaf)
                    + ", the domain now needs " + s.dnsNames() + ": generating it again");
            generate(s, PemFormat.sha256(content.get()));
        }
    }

    /** Writes a new generated certificate: a new file, or in place of the outdated one that had this hash. */
    private void generate(CertificateSubject s, String replacing) {
        String host = s.name();
        try {
            SelfSignedCertificateFactory.Generated g = factory.create(s.dnsNames());
            String pem = PemFormat.write(List.of(g.certificate()), g.keyPair().getPrivate());
            boolean written = replacing == null ? dir.createIfAbsent(host, pem) : dir.replaceIfUnchanged(host, replacing, pem);
            if (written) {
                LOG.info(() -> "generated a self-signed certificate for " + s.dnsNames() + " in " + dir.fileOf(host)
                        + " (valid until " + g.certificate().getNotAfter().toInstant() + ")");
            }
        } catch (GeneralSecurityException | IOException | InvalidCertificateException | RuntimeException e) {
            LOG.log(Level.SEVERE, "could not write a self-signed certificate for " + host + " to " + dir.fileOf(host), e);
        }
    }

    /**
     * An alias's own file: an operator's is served after the domain's (so it wins for its names); one this
     * plugin generated when it made one certificate per host is removed, the domain's certificate covers it.
     */
    private void aliasFile(String alias, boolean domainReinstalled) {
        Optional<byte[]> content;
        try {
            content = dir.read(alias);
        } catch (IOException e) {
            LOG.warning("cannot read " + dir.fileOf(alias) + ": " + e.getMessage());
            return;
        }
        if (content.isEmpty()) {
            installed.remove(alias);
            return;
        }
        try {
            X509Certificate leaf = PemFormat.read(alias, content.get()).leaf();
            if (SelfSignedCertificateFactory.isGenerated(leaf)) {
                if (dir.deleteIfUnchanged(alias, PemFormat.sha256(content.get()))) {
                    LOG.info(() -> "removed " + dir.fileOf(alias) + ", generated for the alias alone by an earlier version:"
                            + " the domain's certificate covers " + alias);
                }
                installed.remove(alias);
                return;
            }
        } catch (InvalidCertificateException | IOException e) {
            // load() reports a bad file
        }
        if (domainReinstalled) {
            installed.remove(alias);
        }
        load(alias, null);
    }

    /** Loads the file of a host if it changed; true when a certificate was handed over. */
    private boolean load(String host, CertificateSubject subject) {
        byte[] content;
        try {
            Optional<byte[]> c = dir.read(host);
            if (c.isEmpty()) {
                return false; // deleted: the next check generates a new one, the current one stays in service
            }
            content = c.get();
        } catch (IOException e) {
            LOG.warning("cannot read " + dir.fileOf(host) + ": " + e.getMessage());
            return false;
        }
        String hash = PemFormat.sha256(content);
        DomainCertificate current = installed.get(host);
        if ((current != null && current.sha256().equals(hash)) || hash.equals(rejected.get(host))) {
            return false;
        }
        DomainCertificate cert;
        try {
            cert = PemFormat.read(host, content);
        } catch (InvalidCertificateException e) {
            rejected.put(host, hash);
            LOG.severe("certificate file " + dir.fileOf(host) + " rejected: " + e.getMessage() + "; "
                    + (current == null ? "no certificate loaded for " + host
                            : "still serving the previous certificate (serial " + current.leaf().getSerialNumber().toString(16) + ")"));
            return false;
        }
        warnIfSuspicious(cert);
        if (subject != null) {
            warnIfIncomplete(cert, subject, hash);
        }
        try {
            sink.install(cert);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "the server refused the certificate of " + host + " from " + dir.fileOf(host), e);
            rejected.put(host, hash);
            return false;
        }
        rejected.remove(host);
        installed.put(host, cert);
        LOG.info(() -> (current == null ? "loaded" : "reloaded") + " certificate of " + host + " from " + dir.fileOf(host)
                + ": " + cert.leaf().getSubjectX500Principal().getName() + ", names " + CertificateNames.dnsNames(cert.leaf())
                + ", serial " + cert.leaf().getSerialNumber().toString(16) + ", valid until " + cert.leaf().getNotAfter().toInstant());
        return true;
    }

    /** An operator's certificate that misses some of the domain's names: said once per file content. */
    private void warnIfIncomplete(DomainCertificate cert, CertificateSubject subject, String hash) {
        if (SelfSignedCertificateFactory.isGenerated(cert.leaf()) || hash.equals(toldIncomplete.get(cert.domain()))) {
            return;
        }
        Set<String> names = CertificateNames.dnsNames(cert.leaf());
        List<String> missing = subject.dnsNames().stream().filter(n -> !covers(names, n)).toList();
        if (!missing.isEmpty()) {
            toldIncomplete.put(cert.domain(), hash);
            LOG.warning(() -> "the certificate in " + dir.fileOf(cert.domain()) + " does not cover " + missing
                    + ": clients using those names will see a name mismatch");
        }
    }

    private static boolean covers(Set<String> names, String host) {
        int dot = host.indexOf('.');
        return names.contains(host) || (dot > 0 && names.contains("*" + host.substring(dot)));
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
