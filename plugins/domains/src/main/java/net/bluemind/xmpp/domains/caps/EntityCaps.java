package net.bluemind.xmpp.domains.caps;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * XEP-0115 entity capabilities of an entity from its disco#info answer: the verification string of section 5.1
 * and its {@code sha-1} hash, the name section 5.1 and the IANA registry give it (not {@code SHA-1}). A well-formed
 * answer has no repeated identity, feature or form type (section 5.4, which a verifying client checks before it
 * trusts a {@code ver}): {@link #repeated} says which entries to drop so that the answer and the hash agree.
 */
public final class EntityCaps {

    /** The hash name written in {@code <c hash='...'/>}. */
    public static final String HASH = "sha-1";

    private EntityCaps() {
    }

    /** The indexes of the entries already seen earlier in the list (all but each value's first occurrence). */
    public static List<Integer> repeated(List<String> values) {
        Set<String> seen = new HashSet<>();
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                again.add(i);
            }
        }
        return again;
    }

    /** The same answer without repeated identities or features (the first of each kept, order kept). */
    public static DiscoInfo distinct(DiscoInfo info) {
        List<DiscoInfo.Identity> identities = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (DiscoInfo.Identity id : info.identities()) {
            if (keys.add(id.key())) {
                identities.add(id);
            }
        }
        return new DiscoInfo(identities, List.copyOf(new LinkedHashSet<>(info.features())), info.forms());
    }

    /**
     * The XEP-0115 section 5.1 string: identities sorted by category/type/lang/name, features sorted, then each
     * form with a FORM_TYPE, sorted by it: the FORM_TYPE, then its fields sorted by var, each var followed by its
     * sorted values; every item followed by '<'. Sorting is by UTF-8 octets ("i;octet"); a form without FORM_TYPE
     * is left out, as the XEP says.
     */
    public static String verificationString(DiscoInfo info) {
        StringBuilder s = new StringBuilder();
        info.identities().stream().map(DiscoInfo.Identity::key).sorted(OCTETS).forEach(i -> s.append(i).append('<'));
        info.features().stream().sorted(OCTETS).forEach(f -> s.append(f).append('<'));
        info.forms().stream().filter(f -> f.formType() != null)
                .sorted(Comparator.comparing(DiscoInfo.Form::formType, OCTETS)).forEach(form -> {
                    s.append(form.formType()).append('<');
                    form.fields().stream().filter(f -> !"FORM_TYPE".equals(f.var()))
                            .sorted(Comparator.comparing(DiscoInfo.Field::var, OCTETS)).forEach(field -> {
                                s.append(field.var()).append('<');
                                field.values().stream().sorted(OCTETS).forEach(v -> s.append(v).append('<'));
                            });
                });
        return s.toString();
    }

    /** The {@code ver}: base64 of the SHA-1 of the verification string in UTF-8. */
    public static String ver(DiscoInfo info) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(verificationString(info).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    private static final Comparator<String> OCTETS = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    };
}
