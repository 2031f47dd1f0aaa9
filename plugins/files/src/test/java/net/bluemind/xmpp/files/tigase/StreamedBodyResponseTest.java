package net.bluemind.xmpp.files.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class StreamedBodyResponseTest {

    private final List<String> calls = new ArrayList<>();
    private final HttpServletResponse recorded = (HttpServletResponse) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                calls.add(method.getName() + (args == null ? "[]" : Arrays.toString(args)));
                return null;
            });

    @Test
    void theServletsContentLengthNeverReachesTheServer() {
        StreamedBodyResponse response = new StreamedBodyResponse(recorded);
        response.setHeader("Content-Length", "300000");
        response.setHeader("content-length", "300000");
        response.addHeader("CONTENT-LENGTH", "300000");
        response.setIntHeader("Content-Length", 300000);
        response.addIntHeader("Content-Length", 300000);
        response.setContentLength(300000);
        response.setContentLengthLong(300000L);

        assertThat(calls).isEmpty();
    }

    @Test
    void everythingElseOfTheDownloadPassesThrough() {
        StreamedBodyResponse response = new StreamedBodyResponse(recorded);
        response.setHeader("Content-Disposition", "inline; filename=\"report.pdf\"");
        response.setHeader("Content-Type", "application/pdf");
        response.addHeader("Access-Control-Allow-Origin", "*");
        response.setStatus(200);

        assertThat(calls).containsExactly(
                "setHeader[Content-Disposition, inline; filename=\"report.pdf\"]",
                "setHeader[Content-Type, application/pdf]",
                "addHeader[Access-Control-Allow-Origin, *]",
                "setStatus[200]");
    }
}
