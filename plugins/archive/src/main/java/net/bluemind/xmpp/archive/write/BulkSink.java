package net.bluemind.xmpp.archive.write;

import java.util.List;

/** Port: writes a batch of documents to the archive store in one request. */
public interface BulkSink {

    /**
     * Writes the batch (index with the message id as document id: replaying is idempotent).
     *
     * @return what must be retried and what was refused for good; empty lists when all were stored
     * @throws SinkUnavailableException when the store did not take the request at all (down, 429, 5xx)
     */
    BulkOutcome write(List<EncodedMessage> batch) throws SinkUnavailableException;
}
