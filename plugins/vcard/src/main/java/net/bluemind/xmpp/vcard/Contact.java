package net.bluemind.xmpp.vcard;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A directory user's contact card, neutral of any vCard flavour: what bm-core's VCard says, mapped once,
 * rendered as vcard-temp (XEP-0054) or vCard4 (XEP-0292). Strings are trimmed, never null (empty = absent).
 *
 * @param jid the user's Jabber ID (bare, their default email)
 * @param domainUid the BlueMind domain uid, for matching bus events
 * @param uid the BlueMind user uid, for matching bus events
 */
public record Contact(String jid, String domainUid, String uid, String formattedName, Name name, String nickname,
        List<Email> emails, List<Tel> tels, Org org, String title, String role, List<Address> addresses,
        Optional<LocalDate> birthday, List<String> urls, String note, Optional<Photo> photo) {

    public Contact {
        emails = List.copyOf(emails);
        tels = List.copyOf(tels);
        addresses = List.copyOf(addresses);
        urls = List.copyOf(urls);
    }

    /** SHA-1 hex of the served photo, empty when the user has none (XEP-0153 then sends an empty photo). */
    public Optional<String> photoHash() {
        return photo.map(Photo::sha1);
    }

    public record Name(String family, String given, String middle, String prefix, String suffix) {
        public boolean isEmpty() {
            return (family + given + middle + prefix + suffix).isEmpty();
        }
    }

    public enum EmailType { WORK, HOME, PREF }

    public record Email(String address, Set<EmailType> types) {
        public Email {
            types = Set.copyOf(types);
        }
    }

    public enum TelType { WORK, HOME, CELL, FAX, VOICE }

    public record Tel(String number, Set<TelType> types) {
        public Tel {
            types = Set.copyOf(types);
        }
    }

    /** Company, then its units from the largest (division) to the smallest (department). */
    public record Org(String name, List<String> units) {
        public Org {
            units = List.copyOf(units);
        }

        public boolean isEmpty() {
            return name.isEmpty() && units.isEmpty();
        }
    }

    public record Address(String poBox, String extended, String street, String locality, String region,
            String postalCode, String country) {
        public boolean isEmpty() {
            return (poBox + extended + street + locality + region + postalCode + country).isEmpty();
        }
    }
}
