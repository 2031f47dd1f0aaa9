package net.bluemind.xmpp.files.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Tigase glue of CORS: what reaches the response, in which order (the JDK server sends headers at setStatus). */
class OriginCheckedFileServletTest {

    @BeforeAll
    static void configured() {
        System.setProperty("bm-xmpp.web-origins", "https://mail.example.com");
        System.setProperty("bm-xmpp.web-websocket-url", "wss://mail.example.com/xmpp-websocket");
    }

    @AfterAll
    static void cleared() {
        System.clearProperty("bm-xmpp.web-origins");
        System.clearProperty("bm-xmpp.web-websocket-url");
    }

    @Test
    void aGrantedPreflightSetsItsHeadersThenTheStatus() throws Exception {
        ServletCalls r = new ServletCalls();
        new OriginCheckedFileServlet().service(ServletCalls.request("OPTIONS", "", "/alice@x/1/a.txt", Map.of(
                "Origin", "https://mail.example.com", "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "content-type")), r.response());
        assertThat(r.calls).containsExactly(
                "setHeader[Vary, Origin]",
                "setHeader[Access-Control-Allow-Origin, https://mail.example.com]",
                "setHeader[Access-Control-Allow-Methods, GET, HEAD, PUT, OPTIONS]",
                "setHeader[Access-Control-Allow-Headers, Content-Type]",
                "setHeader[Access-Control-Max-Age, 86400]",
                "setStatus[200]");
    }

    @Test
    void aRefusedPreflightIsA403WithTheReason() throws Exception {
        ServletCalls r = new ServletCalls();
        new OriginCheckedFileServlet().service(ServletCalls.request("OPTIONS", "", "/alice@x/1/a.txt", Map.of(
                "Origin", "https://evil.example", "Access-Control-Request-Method", "PUT")), r.response());
        assertThat(r.calls).containsExactly("setHeader[Vary, Origin]",
                "sendError[403, origin https://evil.example is not in web-origins]");
    }

    @Test
    void anotherRequestReachesTigasesCodeWithOurHeadersAlreadySet() throws Exception {
        ServletCalls r = new ServletCalls();
        // Tigase's code answers through the wrapped response: with the compile-only FileServlet (no doPut)
        // HttpServlet's 405; with the real jars (-Dreal-tigase) Tigase's doPut, 500 without its upload component here
        new OriginCheckedFileServlet().service(ServletCalls.request("PUT", "", "/alice@x/1/a.txt", Map.of(
                "Origin", "https://mail.example.com")), r.response());
        assertThat(r.calls).startsWith("setHeader[Access-Control-Allow-Origin, https://mail.example.com]",
                "setHeader[Vary, Origin]");
        assertThat(r.calls.get(r.calls.size() - 1)).matches("sendError\\[(405|500)\\b.*");
        assertThat(r.calls).as("Tigase's own CORS header never reaches the response")
                .noneMatch(c -> c.contains("Access-Control-Allow-Origin, *"));
    }

    @Test
    void hostMetaIsServedWithCorsForTheAllowedPage() throws Exception {
        ServletCalls r = new ServletCalls();
        new HostMetaServlet().doGet(ServletCalls.request("GET", "", "/host-meta.json", Map.of(
                "Origin", "https://mail.example.com")), r.response());
        assertThat(r.calls).containsExactly(
                "setHeader[Access-Control-Allow-Origin, https://mail.example.com]",
                "setHeader[Vary, Origin]",
                "setHeader[Content-Type, application/json]",
                "setStatus[200]");
        assertThat(r.body.toString()).isEqualTo(
                "{\"links\":[{\"rel\":\"urn:xmpp:alt-connections:websocket\",\"href\":\"wss://mail.example.com/xmpp-websocket\"}]}");
    }

    @Test
    void anyOtherWellKnownPathIs404() throws Exception {
        ServletCalls r = new ServletCalls();
        new HostMetaServlet().doGet(ServletCalls.request("GET", "", "/webfinger", Map.of()), r.response());
        assertThat(r.calls).containsExactly("setHeader[Vary, Origin]", "sendError[404, not found]");
    }
}
