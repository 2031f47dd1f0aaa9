package net.bluemind.xmpp.testkit.core;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Paints the real PNG photos and icons the fixture describes. */
final class PngPainter {

    static final int ICON_SIZE = 32;

    private PngPainter() {
    }

    /**
     * A photo of that size: the colour with a lighter disc in the middle ("solid"), or random pixels
     * around the colour ("noise", seeded so it is the same on every run) which PNG cannot compress.
     */
    static byte[] paint(int width, int height, Color colour, boolean noise) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        if (noise) {
            Random r = new Random(width * 31L + height);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    img.setRGB(x, y, colour.getRGB() ^ (r.nextInt() & 0x3f3f3f));
                }
            }
        } else {
            Graphics2D g = img.createGraphics();
            g.setColor(colour);
            g.fillRect(0, 0, width, height);
            g.setColor(colour.brighter().brighter());
            int d = Math.min(width, height) / 2;
            g.fillOval((width - d) / 2, (height - d) / 2, d, d);
            g.dispose();
        }
        return encode(img);
    }

    /** A small square icon from a photo, or null when the bytes are not an image. */
    static byte[] iconOf(byte[] photo) {
        BufferedImage src;
        try {
            src = ImageIO.read(new ByteArrayInputStream(photo));
        } catch (IOException e) {
            return null;
        }
        if (src == null) {
            return null;
        }
        BufferedImage icon = new BufferedImage(ICON_SIZE, ICON_SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = icon.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, ICON_SIZE, ICON_SIZE, null);
        g.dispose();
        return encode(icon);
    }

    private static byte[] encode(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
