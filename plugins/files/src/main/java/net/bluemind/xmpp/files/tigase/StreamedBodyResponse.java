package net.bluemind.xmpp.files.tigase;

import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * A response whose body the server frames itself: every Content-Length the servlet gives (header or setter) is
 * dropped, everything else passes through. For a server that always streams with chunked transfer coding, as Tigase's
 * JDK HTTP server does, a Content-Length could only contradict the framing.
 */
final class StreamedBodyResponse extends HttpServletResponseWrapper {

    private static final String CONTENT_LENGTH = "Content-Length";

    StreamedBodyResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void setHeader(String name, String value) {
        if (!CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!CONTENT_LENGTH.equalsIgnoreCase(name)) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setContentLength(int length) {
    }

    @Override
    public void setContentLengthLong(long length) {
    }
}
