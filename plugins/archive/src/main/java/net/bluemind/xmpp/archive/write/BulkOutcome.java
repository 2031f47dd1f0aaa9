package net.bluemind.xmpp.archive.write;

import java.util.List;

/**
 * The result of one bulk write.
 *
 * @param retry    documents refused for a passing reason (429, 5xx): sent again later
 * @param rejected documents refused for good (4xx such as a mapping error), with the reason
 */
public record BulkOutcome(List<EncodedMessage> retry, List<Rejected> rejected) {

    public record Rejected(EncodedMessage message, String reason) {
    }

    public static BulkOutcome allStored() {
        return new BulkOutcome(List.of(), List.of());
    }
}
