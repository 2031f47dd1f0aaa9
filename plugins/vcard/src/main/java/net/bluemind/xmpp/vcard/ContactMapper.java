package net.bluemind.xmpp.vcard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.bluemind.xmpp.common.core.VCard;

/** Maps bm-core's VCard (contract section 1) to the neutral {@link Contact}; tolerant of every missing part. */
public final class ContactMapper {

    private ContactMapper() {
    }

    public static Contact map(String jid, String domainUid, String uid, String displayName, VCard card,
            Optional<Photo> photo) {
        VCard c = card == null ? new VCard(null, null, null, null, null) : card;
        VCard.Identification id = c.identification();
        VCard.Name n = id == null ? null : id.name();
        Contact.Name name = n == null ? new Contact.Name("", "", "", "", "")
                : new Contact.Name(s(n.familyNames()), s(n.givenNames()), s(n.additionalNames()), s(n.prefixes()),
                        s(n.suffixes()));
        String fn = id == null ? "" : value(id.formatedName());
        if (fn.isEmpty()) {
            fn = (name.given() + " " + name.family()).strip();
        }
        if (fn.isEmpty()) {
            fn = s(displayName);
        }
        VCard.Communications com = c.communications();
        VCard.Organizational orgz = c.organizational();
        VCard.Org o = orgz == null ? null : orgz.org();
        List<String> units = new ArrayList<>();
        if (o != null) {
            addIfPresent(units, o.division());
            addIfPresent(units, o.department());
        }
        List<Contact.Address> addresses = new ArrayList<>();
        for (VCard.DeliveryAddressing da : c.deliveryAddressing()) {
            VCard.Address a = da == null ? null : da.address();
            if (a != null) {
                Contact.Address ca = new Contact.Address(s(a.postOfficeBox()), s(a.extentedAddress()),
                        s(a.streetAddress()), s(a.locality()), s(a.region()), s(a.postalCode()), s(a.countryName()));
                if (!ca.isEmpty()) {
                    addresses.add(ca);
                }
            }
        }
        VCard.Explanatory ex = c.explanatory();
        List<String> urls = new ArrayList<>();
        if (ex != null) {
            ex.urls().forEach(u -> addIfPresent(urls, value(u)));
        }
        return new Contact(jid, domainUid, uid, fn, name, id == null ? "" : value(id.nickname()),
                com == null ? List.of() : emails(com.emails()), com == null ? List.of() : tels(com.tels()),
                new Contact.Org(o == null ? "" : s(o.company()), units), orgz == null ? "" : s(orgz.title()),
                orgz == null ? "" : s(orgz.role()), addresses, birthday(id), urls, ex == null ? "" : s(ex.note()),
                photo);
    }

    private static List<Contact.Email> emails(List<VCard.Attribute> attrs) {
        List<Contact.Email> out = new ArrayList<>();
        for (VCard.Attribute a : attrs) {
            if (a == null || s(a.value()).isEmpty()) {
                continue;
            }
            Set<Contact.EmailType> types = EnumSet.noneOf(Contact.EmailType.class);
            for (String t : types(a)) {
                switch (t) {
                    case "work" -> types.add(Contact.EmailType.WORK);
                    case "home" -> types.add(Contact.EmailType.HOME);
                    case "pref" -> types.add(Contact.EmailType.PREF);
                    default -> { }
                }
            }
            out.add(new Contact.Email(s(a.value()), types));
        }
        return out;
    }

    private static List<Contact.Tel> tels(List<VCard.Attribute> attrs) {
        List<Contact.Tel> out = new ArrayList<>();
        for (VCard.Attribute a : attrs) {
            if (a == null || s(a.value()).isEmpty()) {
                continue;
            }
            Set<Contact.TelType> types = EnumSet.noneOf(Contact.TelType.class);
            for (String t : types(a)) {
                switch (t) {
                    case "work" -> types.add(Contact.TelType.WORK);
                    case "home" -> types.add(Contact.TelType.HOME);
                    case "cell", "mobile" -> types.add(Contact.TelType.CELL);
                    case "fax" -> types.add(Contact.TelType.FAX);
                    case "voice" -> types.add(Contact.TelType.VOICE);
                    default -> { }
                }
            }
            // XEP-0054: VOICE is the default kind of number
            if (!types.contains(Contact.TelType.FAX) && !types.contains(Contact.TelType.CELL)) {
                types.add(Contact.TelType.VOICE);
            }
            out.add(new Contact.Tel(s(a.value()), types));
        }
        return out;
    }

    /** Lower-case TYPE values (comma lists split) plus "pref" for a PREF parameter. */
    private static Set<String> types(VCard.Attribute a) {
        Set<String> out = new HashSet<>();
        for (VCard.Parameter p : a.parameters()) {
            if (p == null || p.label() == null) {
                continue;
            }
            String label = p.label().strip().toUpperCase(Locale.ROOT);
            if (label.equals("TYPE")) {
                for (String v : s(p.value()).split(",")) {
                    out.add(v.strip().toLowerCase(Locale.ROOT));
                }
            } else if (label.equals("PREF") || (label.equals("DEFAULT") && "true".equalsIgnoreCase(s(p.value())))) {
                out.add("pref"); // BlueMind flags the default address with DEFAULT=true
            }
        }
        return out;
    }

    private static Optional<LocalDate> birthday(VCard.Identification id) {
        if (id == null || id.birthday() == null) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.ofInstant(Instant.ofEpochMilli(id.birthday()), ZoneOffset.UTC));
    }

    private static void addIfPresent(List<String> list, String v) {
        if (!s(v).isEmpty()) {
            list.add(s(v));
        }
    }

    private static String value(VCard.Value v) {
        return v == null ? "" : s(v.value());
    }

    private static String s(String v) {
        return Objects.requireNonNullElse(v, "").strip();
    }
}
