package net.bluemind.xmpp.vcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PhotoProcessorTest {

    private final PhotoProcessor processor = new PhotoProcessor(192, 64 * 1024);
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        public void publish(LogRecord r) {
            logged.add(r);
        }

        public void flush() {
        }

        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger(PhotoProcessor.class.getName()).addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger(PhotoProcessor.class.getName()).removeHandler(capture);
    }

    @Test
    void smallPngIsServedAsIs() throws Exception {
        byte[] png = Images.gradient(96, 64, "png");
        Photo p = processor.process("a@x", png).orElseThrow();
        assertThat(p.bytes()).isEqualTo(png);
        assertThat(p.mimeType()).isEqualTo("image/png");
        assertThat(p.width()).isEqualTo(96);
        assertThat(p.height()).isEqualTo(64);
        assertThat(p.sha1()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(png)));
    }

    @Test
    void largePngIsScaledToTheMaximumKeepingItsShape() {
        byte[] big = Images.gradient(1024, 768, "png");
        Photo p = processor.process("a@x", big).orElseThrow();
        BufferedImage img = Images.decode(p.bytes());
        assertThat(Images.isPng(p.bytes())).isTrue();
        assertThat(img.getWidth()).isEqualTo(192).isEqualTo(p.width());
        assertThat(img.getHeight()).isEqualTo(144).isEqualTo(p.height());
        assertThat(p.bytes().length).isLessThanOrEqualTo(64 * 1024).isLessThan(big.length);
        assertThat(p.sha1()).isNotEqualTo(PhotoProcessor.sha1Hex(big)).isEqualTo(PhotoProcessor.sha1Hex(p.bytes()));
    }

    @Test
    void pngWithinPixelsButOverTheByteLimitIsShrunkUntilItFits() {
        byte[] heavy = Images.noise(190, 190, 7);
        assertThat(heavy.length).isGreaterThan(64 * 1024);
        Photo p = processor.process("a@x", heavy).orElseThrow();
        assertThat(p.bytes().length).isLessThanOrEqualTo(64 * 1024);
        BufferedImage img = Images.decode(p.bytes());
        assertThat(img.getWidth()).isLessThan(190).isEqualTo(img.getHeight());
        assertThat(img.getWidth()).isGreaterThanOrEqualTo(16);
    }

    @Test
    void jpegIsReencodedAsPng() {
        byte[] jpeg = Images.gradient(100, 50, "jpg");
        Photo p = processor.process("a@x", jpeg).orElseThrow();
        assertThat(Images.isPng(p.bytes())).isTrue();
        assertThat(p.mimeType()).isEqualTo("image/png");
        assertThat(Images.decode(p.bytes()).getWidth()).isEqualTo(100);
    }

    @Test
    void bytesThatAreNotAnImageAreDroppedWithALogLine() {
        assertThat(processor.process("garbage@x", "this is not a picture".getBytes())).isEmpty();
        assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).contains("garbage@x").contains("dropped"));
    }

    @Test
    void truncatedPngIsDropped() {
        byte[] png = Images.gradient(300, 300, "png");
        assertThat(processor.process("cut@x", Arrays.copyOf(png, png.length / 2))).isEmpty();
        assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).contains("cut@x"));
    }

    @Test
    void pngHeaderWithAbsurdSizeIsNotDecoded() {
        byte[] png = Images.gradient(10, 10, "png");
        // IHDR width/height live at bytes 16..23; claim 60000 x 60000 (CRC is then wrong too)
        byte[] bomb = png.clone();
        bomb[16] = 0; bomb[17] = 0; bomb[18] = (byte) 0xEA; bomb[19] = 0x60;
        bomb[20] = 0; bomb[21] = 0; bomb[22] = (byte) 0xEA; bomb[23] = 0x60;
        assertThat(processor.process("bomb@x", bomb)).isEmpty();
    }

    @Test
    void emptyOrMissingBytesMeanNoPhoto() {
        assertThat(processor.process("a@x", new byte[0])).isEqualTo(Optional.empty());
        assertThat(processor.process("a@x", null)).isEmpty();
    }
}
