package net.bluemind.xmpp.common.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** Answer of {@code auth/login}: status is "Ok", "Bad" or "Expired". */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoginResponse(String status, String message, String authKey, String latd, AuthUser authUser) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuthUser(String uid, String domainUid, String displayName, List<String> roles, User value) {
    }

    public boolean ok() {
        return "Ok".equals(status);
    }
}
