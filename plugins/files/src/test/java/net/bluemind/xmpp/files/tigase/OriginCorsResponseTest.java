package net.bluemind.xmpp.files.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

class OriginCorsResponseTest {

    private final List<String> calls = new ArrayList<>();
    private final HttpServletResponse recorded = (HttpServletResponse) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                calls.add(method.getName() + (args == null ? "[]" : Arrays.toString(args)));
                return null;
            });

    @Test
    void oursAreSetFirstAndTigasesStarNeverReachesTheServer() {
        Map<String, String> ours = new LinkedHashMap<>();
        ours.put("Access-Control-Allow-Origin", "https://mail.example.com");
        ours.put("Vary", "Origin");
        OriginCorsResponse response = new OriginCorsResponse(recorded, ours);
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.addHeader("access-control-allow-methods", "PUT, GET, OPTIONS");
        response.setHeader("Content-Type", "image/png");
        response.addHeader("Content-Disposition", "inline");

        assertThat(calls).containsExactly(
                "setHeader[Access-Control-Allow-Origin, https://mail.example.com]",
                "setHeader[Vary, Origin]",
                "setHeader[Content-Type, image/png]",
                "addHeader[Content-Disposition, inline]");
    }
}
