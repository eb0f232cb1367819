package org.convene.newsletter.sending;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny SMTP server on 127.0.0.1 for tests: it answers RCPT TO with the reply the script gives for
 * the address (null for 250) and records the recipients of each message it accepts.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final Function<String, String> rcptReply;
    final List<String> accepted = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> rcptAttempts = new ConcurrentHashMap<>();
    /** Asked for each recipient when the final dot of DATA arrives; its answers are kept in {@link #releasedAtDot}. */
    volatile java.util.function.Predicate<String> atDot;
    final List<Boolean> releasedAtDot = new CopyOnWriteArrayList<>();

    ScriptedSmtpServer(Function<String, String> rcptReply) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.rcptReply = rcptReply;
        Thread.ofPlatform().daemon().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofPlatform().daemon().start(() -> session(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket; var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 scripted ESMTP");
            List<String> recipients = new CopyOnWriteArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String upper = line.toUpperCase();
                if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
                    reply(out, "250 scripted");
                } else if (upper.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 OK");
                } else if (upper.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    rcptAttempts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                    String answer = rcptReply.apply(address);
                    if (answer == null) {
                        recipients.add(address);
                        reply(out, "250 OK");
                    } else {
                        reply(out, answer);
                    }
                } else if (upper.equals("DATA")) {
                    reply(out, "354 go ahead");
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        // the message itself is not kept
                    }
                    if (atDot != null) {
                        recipients.forEach(r -> releasedAtDot.add(atDot.test(r)));
                    }
                    accepted.addAll(recipients);
                    reply(out, "250 queued");
                } else if (upper.equals("RSET") || upper.equals("NOOP")) {
                    recipients.clear();
                    reply(out, "250 OK");
                } else if (upper.equals("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 not here");
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
