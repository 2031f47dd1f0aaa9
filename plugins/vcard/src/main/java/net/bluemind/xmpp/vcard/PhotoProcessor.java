package net.bluemind.xmpp.vcard;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns the photo bytes bm-core holds into the photo clients get: a small PNG is passed through untouched;
 * anything wider or taller than {@code maxPixels}, heavier than {@code maxBytes} or not PNG is decoded and
 * re-encoded as a PNG that fits both limits (javax.imageio + java.awt, headless). Bytes that are not an image
 * give no photo, with a log line.
 */
public final class PhotoProcessor {

    private static final Logger LOG = Logger.getLogger(PhotoProcessor.class.getName());
    /** Refuse to decode images whose header claims more pixels than this (decompression bombs). */
    private static final long MAX_DECODED_PIXELS = 40_000_000L;
    private static final int MIN_SIDE = 16;

    private final int maxPixels;
    private final long maxBytes;

    public PhotoProcessor(int maxPixels, long maxBytes) {
        if (maxPixels < MIN_SIDE || maxBytes < 1) {
            throw new IllegalArgumentException("maxPixels >= " + MIN_SIDE + " and maxBytes >= 1 required");
        }
        this.maxPixels = maxPixels;
        this.maxBytes = maxBytes;
    }

    /**
     * @param owner who the photo belongs to, for the log line when it is dropped
     * @return the photo to serve, or empty when the bytes are not a usable image
     */
    public Optional<Photo> process(String owner, byte[] raw) {
        if (raw == null || raw.length == 0) {
            return Optional.empty();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(raw))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return dropped(owner, raw, "not a known image format", null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > MAX_DECODED_PIXELS) {
                    return dropped(owner, raw, "unreasonable size " + w + "x" + h, null);
                }
                boolean fits = format.equals("png") && w <= maxPixels && h <= maxPixels && raw.length <= maxBytes;
                BufferedImage image = reader.read(0);
                if (image == null) {
                    return dropped(owner, raw, "undecodable", null);
                }
                if (fits) {
                    return Optional.of(photo(raw, w, h));
                }
                return Optional.of(shrink(owner, image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return dropped(owner, raw, "undecodable", e);
        }
    }

    private Photo shrink(String owner, BufferedImage image) throws IOException {
        double scale = Math.min(1.0, (double) maxPixels / Math.max(image.getWidth(), image.getHeight()));
        while (true) {
            int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
            BufferedImage scaled = scale(image, w, h);
            byte[] png = encodePng(scaled);
            if (png.length <= maxBytes || Math.max(w, h) <= MIN_SIDE) {
                LOG.fine(() -> "photo of " + owner + " re-encoded from " + image.getWidth() + "x" + image.getHeight()
                        + " to " + w + "x" + h + " PNG, " + png.length + " bytes");
                return photo(png, w, h);
            }
            scale *= 0.8;
        }
    }

    /** Halves in steps then finishes bilinearly: cheap and without the aliasing of a single big step. */
    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage current = toArgb(src);
        int cw = current.getWidth();
        int ch = current.getHeight();
        do {
            cw = Math.max(w, cw / 2);
            ch = Math.max(h, ch / 2);
            BufferedImage next = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, cw, ch, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (cw != w || ch != h);
        return current;
    }

    private static BufferedImage toArgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_ARGB) {
            return src;
        }
        BufferedImage copy = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    private static byte[] encodePng(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer");
        }
        return out.toByteArray();
    }

    private static Photo photo(byte[] bytes, int w, int h) {
        return new Photo(bytes, "image/png", w, h, sha1Hex(bytes));
    }

    static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    private static Optional<Photo> dropped(String owner, byte[] raw, String why, Exception cause) {
        LOG.warning("photo of " + owner + " dropped (" + raw.length + " bytes, " + why
                + (cause == null ? "" : ": " + cause) + "); the vCard is served without it");
        return Optional.empty();
    }
}
