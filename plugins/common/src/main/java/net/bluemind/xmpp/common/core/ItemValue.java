package net.bluemind.xmpp.common.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** BlueMind's {@code ItemValue<T>} envelope. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemValue<T>(String uid, Long internalId, Long version, String displayName, String externalId,
        Long created, Long updated, T value) {
}
