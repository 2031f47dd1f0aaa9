package net.bluemind.xmpp.common.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The two entries of BlueMind's {@code /etc/bm/bm.ini} bm-xmpp uses: {@code host} and {@code locator}. */
record BmIni(Optional<String> host, Optional<String> locator) {

    static BmIni read(Path file) throws IOException {
        String host = null;
        String locator = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.trim();
            int eq = l.indexOf('=');
            if (l.startsWith("#") || l.startsWith(";") || l.startsWith("[") || eq < 0) {
                continue;
            }
            String key = l.substring(0, eq).trim();
            String value = unquote(l.substring(eq + 1).trim());
            if (value.isEmpty()) {
                continue;
            }
            if (key.equals("host")) {
                host = value;
            } else if (key.equals("locator")) {
                locator = value;
            }
        }
        return new BmIni(Optional.ofNullable(host), Optional.ofNullable(locator));
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1).trim();
        }
        return v;
    }
}
