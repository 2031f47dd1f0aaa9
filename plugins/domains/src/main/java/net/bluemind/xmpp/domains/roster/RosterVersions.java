package net.bluemind.xmpp.domains.roster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The roster version ({@code ver}, RFC 6121 2.6) of a roster state: a digest of the items as the client sees them,
 * so two states get the same version only when they hold the same items, whatever the order Tigase keeps them in,
 * the order of their attributes or of their groups, and whichever session asks.
 * <ul>
 * <li>A roster push carries the version of the roster after its change ({@link #of}).</li>
 * <li>A roster get with a {@code ver} is answered with an empty result only when that {@code ver} is the current
 * version ({@link #upToDate}); otherwise with the whole roster and its version ({@link #answerVersion}).</li>
 * <li>A roster that cannot be read gets a version no client holds ({@link #unreadable}): the client then gets the
 * whole roster, never an empty result for a state it does not have.</li>
 * </ul>
 */
public final class RosterVersions {

    /** Characters of hexadecimal SHA-256 kept: 128 bits. */
    private static final int LENGTH = 32;

    private RosterVersions() {
    }

    /**
     * One roster item as the client receives it.
     *
     * @param attributes the item's attributes ({@code jid}, {@code name}, {@code subscription}, {@code ask}, ...)
     * @param children its children ({@code group}s and any other), each in a canonical form ({@link #canonical})
     */
    public record Item(Map<String, String> attributes, List<String> children) {
        public Item {
            attributes = new TreeMap<>(Objects.requireNonNull(attributes));
            children = List.copyOf(children == null ? List.of() : children);
        }
    }

    /** The version of a roster holding exactly these items (empty roster included). */
    public static String of(Collection<Item> items) {
        List<String> forms = new ArrayList<>(items.size());
        for (Item item : items) {
            forms.add(canonical("item", item.attributes(), item.children(), null));
        }
        forms.sort(null);
        StringBuilder all = new StringBuilder(64 * forms.size() + 8).append("roster:");
        for (String f : forms) {
            all.append(f.length()).append(':').append(f);
        }
        return sha256(all.toString()).substring(0, LENGTH);
    }

    /**
     * The canonical form of an element: its name, attributes sorted by name, children sorted, text; each part length
     * prefixed so no two different elements share a form.
     */
    public static String canonical(String name, Map<String, String> attributes, Collection<String> children,
            String text) {
        StringBuilder sb = new StringBuilder(64).append('<').append(name.length()).append(':').append(name);
        for (Map.Entry<String, String> a : new TreeMap<>(attributes).entrySet()) {
            String v = a.getValue() == null ? "" : a.getValue();
            sb.append(" ").append(a.getKey().length()).append(':').append(a.getKey()).append('=')
                    .append(v.length()).append(':').append(v);
        }
        List<String> sorted = new ArrayList<>(children == null ? List.of() : children);
        sorted.sort(null);
        sb.append(" [").append(sorted.size());
        for (String c : sorted) {
            sb.append(' ').append(c.length()).append(':').append(c);
        }
        String t = text == null ? "" : text;
        sb.append("] ").append(t.length()).append(':').append(t).append('>');
        return sb.toString();
    }

    /** Whether a client holding {@code requested} has the roster of version {@code current}. */
    public static boolean upToDate(String requested, String current) {
        return requested != null && !requested.isEmpty() && requested.equals(current);
    }

    /**
     * The {@code ver} the answer to a roster get carries: none when the client sent none (RFC 6121 2.6.3: versioning
     * is the client's choice), otherwise the version of the items the answer holds, never the client's own.
     */
    public static String answerVersion(String requested, Collection<Item> answered) {
        return requested == null ? null : of(answered);
    }

    /** A version that matches no roster state and no other call's: for a roster that could not be read. */
    public static String unreadable() {
        return "u" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
