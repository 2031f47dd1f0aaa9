package net.bluemind.xmpp.common.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A BlueMind user. Its default email is its Jabber ID. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(String login, String accountType, boolean archived, boolean hidden, boolean system,
        List<Email> emails, VCard contactInfos, Map<String, String> properties) {

    public User {
        emails = emails == null ? List.of() : List.copyOf(emails);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Email(String address, boolean isDefault, boolean allAliases) {
    }

    /** The address flagged {@code isDefault}, else the first one. */
    public Optional<String> defaultEmail() {
        return emails.stream().filter(Email::isDefault).map(Email::address).findFirst()
                .or(() -> emails.stream().map(Email::address).findFirst());
    }

    /** Archived and system users never log in to IM. */
    public boolean mayUseIm() {
        return !archived && !system;
    }
}
