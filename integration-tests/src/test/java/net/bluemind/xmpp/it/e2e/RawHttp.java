package net.bluemind.xmpp.it.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP exchange over a plain socket, with the response exactly as the server framed it: status, every header
 * line, and the body decoded by the framing the headers announce (chunked, Content-Length, or up to the close). A
 * client library would hide a response that announces two framings; this one reports both.
 */
record RawHttp(int status, List<String> headers, byte[] body) {

    static RawHttp exchange(String method, URI uri, String httpVersion) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + uri.getRawPath() + " " + httpVersion + "\r\nHost: " + uri.getHost() + ":"
                    + uri.getPort() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            int status = Integer.parseInt(line(in).split(" ")[1]);
            List<String> headers = new ArrayList<>();
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                headers.add(h);
            }
            RawHttp head = new RawHttp(status, headers, new byte[0]);
            if ("HEAD".equals(method)) {
                return head;
            }
            byte[] body;
            if (head.header("Transfer-Encoding").stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
                body = chunked(in);
            } else if (!head.header("Content-Length").isEmpty()) {
                body = in.readNBytes(Integer.parseInt(head.header("Content-Length").get(0)));
            } else {
                body = in.readAllBytes();
            }
            return new RawHttp(status, headers, body);
        }
    }

    /** The values of every header line with this name (case-insensitive). */
    List<String> header(String name) {
        List<String> values = new ArrayList<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                values.add(h.substring(colon + 1).trim());
            }
        }
        return values;
    }

    /** RFC 9112 6.3: at most one framing, and a Content-Length only without Transfer-Encoding. */
    boolean framedOnce() {
        return header("Transfer-Encoding").isEmpty() || header("Content-Length").isEmpty();
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in).split(";")[0].trim();
            int n = Integer.parseInt(size.toLowerCase(Locale.ROOT), 16);
            if (n == 0) {
                while (!line(in).isEmpty()) {
                    // trailer fields: none expected, skipped
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line(in); // the CRLF after the chunk
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException("connection closed inside a line: " + b.toString(StandardCharsets.US_ASCII));
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}
