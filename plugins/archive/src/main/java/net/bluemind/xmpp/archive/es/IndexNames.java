package net.bluemind.xmpp.archive.es;

/**
 * The archive's index and aliases (contract section 3: {@code im-000001}, {@code im_write_alias},
 * {@code im_read_alias}); tests use their own names.
 */
public record IndexNames(String index, String writeAlias, String readAlias) {

    public static IndexNames bluemind() {
        return new IndexNames("im-000001", "im_write_alias", "im_read_alias");
    }

    /** Names with a prefix, for tests sharing one Elasticsearch. */
    public static IndexNames prefixed(String prefix) {
        return new IndexNames(prefix + "im-000001", prefix + "im_write_alias", prefix + "im_read_alias");
    }
}
