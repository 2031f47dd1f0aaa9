package net.bluemind.xmpp.check;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** What a user's client will think of the certificate a domain serves. */
final class CertificateVerdict {

    private CertificateVerdict() {
    }

    static CheckResult judge(X509Certificate cert, String domain, Instant now, Duration warnBefore) {
        return judge(cert, domain, null, now, warnBefore);
    }

    /**
     * @param serverHost the host name clients are told to connect to ({@code --xmpp-host}), which the
     *        certificate must carry too (bm-xmpp adds BlueMind's external-url); null when not known
     */
    static CheckResult judge(X509Certificate cert, String domain, String serverHost, Instant now, Duration warnBefore) {
        Instant notAfter = cert.getNotAfter().toInstant();
        List<String> names = names(cert);
        if (names.stream().noneMatch(n -> covers(n, domain))) {
            return CheckResult.fail("cert", domain, "certificate is for " + names + ", not " + domain,
                    "put a certificate carrying " + domain + " into the certs dir as <BlueMind domain>.pem (chain + key):"
                    + " one file per BlueMind domain covers its aliases too");
        }
        if (notAfter.isBefore(now)) {
            return CheckResult.fail("cert", domain, "certificate expired on " + notAfter, "replace " + domain + ".pem in the certs dir");
        }
        long days = Duration.between(now, notAfter).toDays();
        if (Duration.between(now, notAfter).compareTo(warnBefore) < 0) {
            return CheckResult.warn("cert", domain, "certificate expires in " + days + " day(s) (" + notAfter + ")",
                    "replace " + domain + ".pem in the certs dir before then");
        }
        boolean selfSigned = cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
        if (selfSigned && cert.getBasicConstraints() < 0) {
            return CheckResult.warn("cert", domain, "self-signed certificate without CA:TRUE: Pidgin, Thunderbird (NSS) and"
                    + " GnuTLS clients call it invalid and offer no way to accept it",
                    "if bm-xmpp generated it (O=BlueMind XMPP (self-signed)), restart bm-xmpp: it is made again; if it is"
                    + " yours, reissue it with basicConstraints CA:TRUE, or use one from a trusted CA");
        }
        if (serverHost != null && !serverHost.isBlank() && names.stream().noneMatch(n -> covers(n, serverHost))) {
            return CheckResult.warn("cert", domain, "certificate is for " + names + ", not the server name " + serverHost
                    + ": clients set to connect to " + serverHost + " report a name mismatch",
                    "set BlueMind's external URL to " + serverHost + " (bm-xmpp then adds it to the generated certificate),"
                    + " or add it to your certificate's names");
        }
        if (selfSigned) {
            return CheckResult.warn("cert", domain, "self-signed certificate, valid " + days + " more day(s): clients ask users to accept it",
                    "install a certificate from a trusted CA as " + domain + ".pem");
        }
        return CheckResult.ok("cert", domain, "issued by " + cert.getIssuerX500Principal().getName() + ", valid " + days + " more day(s)");
    }

    /**
     * What another server will think of the certificate served for s2s to {@code name} ({@code domain} or
     * {@code conference.<domain>}): self-signed or not trusted works only with servers that accept dialback; trusted
     * by {@code trust} (the CAs servers ship with) and valid for the name, servers requiring authenticated certificates
     * (s2s_secure_auth) accept it too.
     *
     * @param pem the BlueMind domain whose {@code .pem} serves that name
     * @param where {@code host:port} the certificate was served on, to start the detail with
     */
    static CheckResult federation(X509Certificate[] chain, String name, String pem, String where, X509TrustManager trust,
            Instant now, Duration warnBefore) {
        X509Certificate cert = chain[0];
        Instant notAfter = cert.getNotAfter().toInstant();
        long days = Duration.between(now, notAfter).toDays();
        List<String> names = names(cert);
        String what = "certificate for " + shortList(names);
        String validity = "valid " + days + " more day(s) (until " + notAfter.toString().substring(0, 10) + ")";
        String dialbackOnly = ": federation only with servers that accept dialback";
        String fromCa = "install a certificate from a public CA carrying " + name + " as " + pem + ".pem (chain + key)"
                + " to federate with servers requiring authenticated certificates (s2s_secure_auth) too";
        if (notAfter.isBefore(now)) {
            return CheckResult.fail("s2s", name, where + ": " + what + " expired on " + notAfter
                    + ": servers that check certificates refuse it", "replace " + pem + ".pem in the certs dir");
        }
        if (names.stream().noneMatch(n -> covers(n, name))) {
            return CheckResult.warn("s2s", name, where + ": certificate is for " + names + ", not " + name + dialbackOnly,
                    fromCa);
        }
        if (Duration.between(now, notAfter).compareTo(warnBefore) < 0) {
            return CheckResult.warn("s2s", name, where + ": " + what + " expires in " + days + " day(s) (" + notAfter + ")",
                    "replace " + pem + ".pem in the certs dir before then");
        }
        boolean selfSigned = cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
        if (selfSigned) {
            return CheckResult.warn("s2s", name, where + ": self-signed " + what + ", " + validity + dialbackOnly, fromCa);
        }
        String issuer = cert.getIssuerX500Principal().getName();
        try {
            trust.checkServerTrusted(chain, "UNKNOWN");
        } catch (CertificateException | RuntimeException e) {
            return CheckResult.warn("s2s", name, where + ": " + what + " issued by " + issuer + ", " + validity
                    + ", not trusted by the usual CA list (" + e.getMessage() + ")" + dialbackOnly + " (or that trust this CA)",
                    "serve the whole chain (certificate, intermediates, key) in " + pem + ".pem, from a public CA");
        }
        return CheckResult.ok("s2s", name, where + ": " + what + " issued by " + issuer + ", " + validity + ":"
                + " servers requiring authenticated certificates (s2s_secure_auth) accept it");
    }

    /** The first names of a certificate and how many more: a generated one carries every alias and room name. */
    static String shortList(List<String> names) {
        int shown = Math.min(4, names.size());
        String more = names.size() > shown ? ", +" + (names.size() - shown) + " more" : "";
        return "[" + String.join(", ", names.subList(0, shown)) + more + "]";
    }

    /** The CAs this JVM trusts, standing for those other servers ship with. */
    static X509TrustManager systemTrust() {
        try {
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init((KeyStore) null);
            for (TrustManager tm : f.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509TrustManager in " + f.getAlgorithm());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> names(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        names.add(san.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable SAN extension counts as no name
        }
        if (names.isEmpty()) {
            String dn = cert.getSubjectX500Principal().getName();
            for (String part : dn.split(",")) {
                if (part.trim().toUpperCase(Locale.ROOT).startsWith("CN=")) {
                    names.add(part.trim().substring(3).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    static boolean covers(String name, String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (name.startsWith("*.")) {
            int dot = d.indexOf('.');
            return dot > 0 && d.substring(dot + 1).equals(name.substring(2));
        }
        return name.equals(d);
    }
}
