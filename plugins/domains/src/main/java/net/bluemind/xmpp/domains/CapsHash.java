package net.bluemind.xmpp.domains;

import java.util.Locale;
import java.util.Optional;

/**
 * The hash name of an entity-capabilities element (XEP-0115) as the XEP writes it: the IANA "Hash Function Textual
 * Names", lower case ({@code sha-1}). Tigase 8.4.0 writes {@code SHA-1} (Java's algorithm name); clients that check
 * the name (Psi/iris, Smack) then ignore the capabilities or log them as illegal.
 */
public final class CapsHash {

    private CapsHash() {
    }

    /** The name to write instead of {@code hash}, empty when it is already right (or absent). */
    public static Optional<String> corrected(String hash) {
        if (hash == null) {
            return Optional.empty();
        }
        String iana = hash.toLowerCase(Locale.ROOT);
        return iana.equals(hash) ? Optional.empty() : Optional.of(iana);
    }
}
