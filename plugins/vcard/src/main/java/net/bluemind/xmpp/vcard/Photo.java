package net.bluemind.xmpp.vcard;

import java.util.Objects;

/**
 * The photo as served to clients (after any scaling): its bytes, MIME type, pixel size and the SHA-1 hex
 * of the bytes, which is its id in XEP-0153 presence and XEP-0084 metadata.
 */
public record Photo(byte[] bytes, String mimeType, int width, int height, String sha1) {

    public Photo {
        Objects.requireNonNull(bytes);
        Objects.requireNonNull(mimeType);
        Objects.requireNonNull(sha1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Photo p && p.sha1.equals(sha1);
    }

    @Override
    public int hashCode() {
        return sha1.hashCode();
    }

    @Override
    public String toString() {
        return "Photo[" + mimeType + " " + width + "x" + height + ", " + bytes.length + " bytes, sha1=" + sha1 + "]";
    }
}
