package net.bluemind.xmpp.archive.query;

import java.util.List;
import net.bluemind.xmpp.archive.ArchivedMessage;

/**
 * One page of results, oldest first.
 *
 * @param messages the page
 * @param count    how many messages match the query regardless of paging
 * @param complete true when this page reaches the end of the results in the paging direction
 */
public record ArchivePage(List<ArchivedMessage> messages, long count, boolean complete) {

    public ArchivePage {
        messages = List.copyOf(messages);
    }
}
