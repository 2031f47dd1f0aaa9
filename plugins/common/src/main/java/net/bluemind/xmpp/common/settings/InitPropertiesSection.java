package net.bluemind.xmpp.common.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders the bm-xmpp part of etc/init.properties from {@link Keys}, so the shipped file can never
 * drift from the settings the code reads. Each setting becomes a commented {@code --bm-xmpp.<key>} line:
 * Tigase keeps such top-level keys when it converts init.properties and sets them as system properties,
 * where {@link Settings#fromSystemProperties()} reads them.
 *
 * <p>{@code java ... InitPropertiesSection etc/init.properties} rewrites the section between the markers.
 */
public final class InitPropertiesSection {

    public static final String BEGIN = "# ---- BEGIN bm-xmpp settings (generated from Keys.java: do not edit this block by hand) ----";
    public static final String END = "# ---- END bm-xmpp settings ----";

    private InitPropertiesSection() {
    }

    /** The block, markers included. Defaults are written commented out, so editing one means un-commenting it. */
    public static String render() {
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        for (Setting<?> s : Keys.all()) {
            out.append("# ").append(s.description()).append('\n');
            out.append("#   expected: ").append(s.expected()).append('\n');
            out.append("#--").append(Settings.SYSTEM_PROPERTY_PREFIX).append(s.key()).append(" = ")
                    .append(s.defaultValue()).append("\n\n");
        }
        return out.append(END).append('\n').toString();
    }

    /** The file's text with its block replaced by {@link #render()}. */
    public static String replaceIn(String fileText) {
        int b = fileText.indexOf(BEGIN);
        int e = fileText.indexOf(END);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("init.properties has no bm-xmpp settings block (markers missing)");
        }
        return fileText.substring(0, b) + render() + fileText.substring(fileText.indexOf('\n', e) + 1);
    }

    /** The settings as the Markdown table of docs/operators-guide.md (section Settings). */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| setting (`--bm-xmpp.` + key) | default | what it does |\n|---|---|---|\n");
        for (Setting<?> s : Keys.all()) {
            out.append("| `").append(s.key()).append("` | `").append(s.defaultValue()).append("` | ")
                    .append(s.description().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--markdown")) {
            System.out.print(markdownTable());
            return;
        }
        Path file = Path.of(args.length > 0 ? args[0] : "etc/init.properties");
        Files.writeString(file, replaceIn(Files.readString(file, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
