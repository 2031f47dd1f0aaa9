package net.bluemind.xmpp.testkit.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A user of the simulated directory (mutable, guarded by {@link Directory}'s lock). */
final class DirectoryUser {

    record Email(String address, boolean isDefault, boolean allAliases) {
        String localPart() {
            return address.substring(0, address.indexOf('@'));
        }

        String domainPart() {
            return address.substring(address.indexOf('@') + 1);
        }
    }

    final String uid;
    final String domainUid;
    final String login;
    String password;
    boolean archived;
    boolean passwordExpired;
    boolean system;
    boolean hidden;
    List<Email> emails = new ArrayList<>();
    Set<String> roles = new LinkedHashSet<>();
    ObjectNode vcard = JsonNodeFactory.instance.objectNode();
    byte[] photo;
    byte[] icon;
    long version = 1;

    DirectoryUser(String uid, String domainUid, String login) {
        this.uid = uid;
        this.domainUid = domainUid;
        this.login = login;
    }

    String defaultEmail() {
        return emails.stream().filter(Email::isDefault).map(Email::address).findFirst()
                .orElse(emails.isEmpty() ? login + "@" + domainUid : emails.get(0).address());
    }

    /**
     * True when the address is one of the user's, or, for an address flagged allAliases, the same local
     * part at any name of the user's domain.
     */
    boolean hasAddress(String address, DirectoryDomain domain) {
        int at = address.indexOf('@');
        if (at <= 0) {
            return false;
        }
        String local = address.substring(0, at).toLowerCase(Locale.ROOT);
        String dom = address.substring(at + 1);
        for (Email e : emails) {
            if (e.address().equalsIgnoreCase(address)) {
                return true;
            }
            if (e.allAliases() && e.localPart().toLowerCase(Locale.ROOT).equals(local) && domain.answersTo(dom)) {
                return true;
            }
        }
        return false;
    }

    String formattedName() {
        return Optional.ofNullable(vcard.path("identification").path("formatedName").path("value").textValue())
                .orElse(login);
    }

    ObjectNode toItemValue() {
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.put("login", login);
        value.put("accountType", "FULL");
        value.put("archived", archived);
        value.put("hidden", hidden);
        value.put("system", system);
        ArrayNode list = value.putArray("emails");
        for (Email e : emails) {
            list.addObject().put("address", e.address()).put("isDefault", e.isDefault())
                    .put("allAliases", e.allAliases());
        }
        value.set("contactInfos", vcardJson());
        value.putObject("properties");
        return ItemValues.of(uid, formattedName(), version, value);
    }

    /** The stored vCard with {@code identification.photo} telling whether a photo exists. */
    JsonNode vcardJson() {
        ObjectNode copy = vcard.deepCopy();
        identification(copy).put("photo", photo != null);
        return copy;
    }

    static ObjectNode identification(ObjectNode vcard) {
        return vcard.get("identification") instanceof ObjectNode id ? id : vcard.putObject("identification");
    }
}
