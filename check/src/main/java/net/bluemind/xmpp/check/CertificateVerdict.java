package net.bluemind.xmpp.check;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** What a user's client will think of the certificate a domain serves. */
final class CertificateVerdict {

    private CertificateVerdict() {
    }

    static CheckResult judge(X509Certificate cert, String domain, Instant now, Duration warnBefore) {
        Instant notAfter = cert.getNotAfter().toInstant();
        List<String> names = names(cert);
        if (names.stream().noneMatch(n -> covers(n, domain))) {
            return CheckResult.fail("cert", domain, "certificate is for " + names + ", not " + domain,
                    "drop a certificate for " + domain + " as " + domain + ".pem (chain + key) into the certs dir");
        }
        if (notAfter.isBefore(now)) {
            return CheckResult.fail("cert", domain, "certificate expired on " + notAfter, "replace " + domain + ".pem in the certs dir");
        }
        long days = Duration.between(now, notAfter).toDays();
        if (Duration.between(now, notAfter).compareTo(warnBefore) < 0) {
            return CheckResult.warn("cert", domain, "certificate expires in " + days + " day(s) (" + notAfter + ")",
                    "replace " + domain + ".pem in the certs dir before then");
        }
        if (cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return CheckResult.warn("cert", domain, "self-signed certificate, valid " + days + " more day(s): clients ask users to accept it",
                    "install a certificate from a trusted CA as " + domain + ".pem");
        }
        return CheckResult.ok("cert", domain, "issued by " + cert.getIssuerX500Principal().getName() + ", valid " + days + " more day(s)");
    }

    private static List<String> names(X509Certificate cert) {
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

    private static boolean covers(String name, String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (name.startsWith("*.")) {
            int dot = d.indexOf('.');
            return dot > 0 && d.substring(dot + 1).equals(name.substring(2));
        }
        return name.equals(d);
    }
}
