package net.bluemind.xmpp.testkit.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain TCP relay: every connection accepted on {@code listen} is connected to {@code target} and bytes are copied
 * both ways, untouched (TLS goes through end to end). For a server that will not connect to 127.0.0.1 (a stock Tigase
 * takes a remote domain resolving there for a DNS misconfiguration) while the server it must reach listens only there.
 * Closing it closes the listener and every relayed connection.
 */
public final class TcpRelay implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private TcpRelay(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    public static TcpRelay start(String listenAddress, int listenPort, String targetAddress, int targetPort) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getByName(listenAddress), listenPort), 50);
        TcpRelay relay = new TcpRelay(s, new InetSocketAddress(targetAddress, targetPort));
        Thread accept = new Thread(relay::acceptLoop, "tcp-relay-" + listenAddress + ":" + listenPort);
        accept.setDaemon(true);
        accept.start();
        return relay;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket in;
            try {
                in = server.accept();
            } catch (IOException e) {
                return;
            }
            Socket out = new Socket();
            try {
                out.connect(target, 5000);
            } catch (IOException e) {
                closeQuietly(in);
                closeQuietly(out);
                continue;
            }
            open.add(in);
            open.add(out);
            pump(in, out);
            pump(out, in);
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
                for (int n = i.read(buffer); n >= 0; n = i.read(buffer)) {
                    o.write(buffer, 0, n);
                    o.flush();
                }
            } catch (IOException e) {
                // the other side closed: close both
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        open.forEach(TcpRelay::closeQuietly);
        open.clear();
    }
}
