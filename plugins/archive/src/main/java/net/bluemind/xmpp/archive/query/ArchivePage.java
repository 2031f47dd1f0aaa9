package net.bluemind.xmpp.archive.query;

import java.util.List;
import java.util.OptionalLong;
import net.bluemind.xmpp.archive.ArchivedMessage;

/**
 * One page of results, oldest first.
 *
 * @param messages the page
 * @param count    how many messages match the query regardless of paging, when the store counted them exactly;
 *                 empty when counting was not worth its cost (XEP-0059: the count is optional)
 * @param complete true when this page reaches the end of the results in the paging direction
 */
public record ArchivePage(List<ArchivedMessage> messages, OptionalLong count, boolean complete) {

    public ArchivePage {
        messages = List.copyOf(messages);
    }

    /** A page with an exact count. */
    public ArchivePage(List<ArchivedMessage> messages, long count, boolean complete) {
        this(messages, OptionalLong.of(count), complete);
    }
}
