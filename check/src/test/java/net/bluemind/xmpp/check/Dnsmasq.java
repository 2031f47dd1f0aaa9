package net.bluemind.xmpp.check;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real DNS server (Debian's dnsmasq) on a loopback port, answering only what the test gives it. */
final class Dnsmasq implements AutoCloseable {

    private final Process process;
    final int port;

    Dnsmasq(List<String> srvHosts) throws IOException, InterruptedException {
        Path bin = Path.of("/usr/sbin/dnsmasq");
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException("dnsmasq is not installed (apt-get install dnsmasq-base; scripts/test.sh does it)");
        }
        // a free UDP port may be taken for TCP (dnsmasq binds both, and exits with 2): another port then, a few times
        Process started = null;
        int chosen = -1;
        List<String> cmd = new ArrayList<>();
        for (int attempt = 0; attempt < 5 && started == null; attempt++) {
            try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                chosen = s.getLocalPort();
            }
            cmd.clear();
            cmd.addAll(List.of(bin.toString(), "--keep-in-foreground", "--no-resolv", "--no-hosts",
                    "--conf-file=/dev/null", "--pid-file=", "--listen-address=127.0.0.1", "--bind-interfaces",
                    "--port=" + chosen, "--local=/test/", "--user=" + System.getProperty("user.name")));
            srvHosts.forEach(h -> cmd.add("--srv-host=" + h));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(300);
            if (p.isAlive()) {
                started = p;
            } else if (p.exitValue() != 2) {
                throw new IllegalStateException("dnsmasq exited at start with " + p.exitValue() + ": " + cmd);
            }
        }
        if (started == null) {
            throw new IllegalStateException("dnsmasq found no free port in 5 tries: " + cmd);
        }
        process = started;
        port = chosen;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
