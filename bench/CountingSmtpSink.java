import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counting SMTP sink for the newsletter benchmarks: accepts every message on 127.0.0.1 and
 * appends one line per accepted message and recipient ("recipient TAB Message-ID") to a log file,
 * so the benchmark can count unique recipients, duplicates and missing ones. Also writes the number
 * of messages and their total size to LOG.stats every half second.
 *
 * Usage: java CountingSmtpSink.java PORT LOG
 */
public class CountingSmtpSink {

    static final AtomicLong messages = new AtomicLong();
    static final AtomicLong bytes = new AtomicLong();
    static BufferedWriter log;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        log = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        Path stats = Path.of(args[1] + ".stats");
        Thread.ofPlatform().daemon().start(() -> {
            while (true) {
                try {
                    Thread.sleep(500);
                    synchronized (log) {
                        log.flush();
                    }
                    Files.writeString(stats, messages.get() + " " + bytes.get() + "\n");
                } catch (Exception e) {
                    return;
                }
            }
        });
        try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
            System.out.println("listening on 127.0.0.1:" + port);
            while (true) {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> session(socket));
            }
        }
    }

    static void session(Socket socket) {
        try (socket; InputStream in = new UnsyncBufferedInput(socket.getInputStream()); OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            out.write("220 counting-sink ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                String upper = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (upper) {
                    case "EHLO", "HELO" -> reply(out, "250 counting-sink");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 2.1.0 Ok");
                    }
                    case "RCPT" -> {
                        int open = line.indexOf('<');
                        int close = line.indexOf('>');
                        recipients.add(open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(8).trim());
                        reply(out, "250 2.1.5 Ok");
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String messageId = "";
                        boolean headers = true;
                        long size = 0;
                        while ((line = readLine(in)) != null && !line.equals(".")) {
                            size += line.length() + 2;
                            if (headers) {
                                if (line.isEmpty()) {
                                    headers = false;
                                } else if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                    messageId = line.substring(11).trim();
                                }
                            }
                        }
                        if (line == null) {
                            return; // connection lost mid-message: not accepted
                        }
                        synchronized (log) {
                            for (String r : recipients) {
                                log.write(r + "\t" + messageId + "\n");
                            }
                        }
                        messages.incrementAndGet();
                        bytes.addAndGet(size);
                        reply(out, "250 2.0.0 Ok: queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "250 Ok"); // RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A line without its CRLF, or null at the end of the stream (Latin-1: only ASCII matters here). */
    static String readLine(InputStream in) throws IOException {
        byte[] buffer = LINE.get();
        int n = 0;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                if (n > 0 && buffer[n - 1] == '\r') {
                    n--;
                }
                return new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (n == buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, n * 2);
                LINE.set(buffer);
            }
            buffer[n++] = (byte) c;
        }
        return n == 0 ? null : new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
    }

    static final ThreadLocal<byte[]> LINE = ThreadLocal.withInitial(() -> new byte[1024]);

    /** A buffered input stream without locking: one thread reads each connection. */
    static final class UnsyncBufferedInput extends InputStream {
        private final InputStream in;
        private final byte[] buffer = new byte[65536];
        private int pos;
        private int limit;

        UnsyncBufferedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (pos == limit) {
                limit = in.read(buffer, 0, buffer.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return -1;
                }
            }
            return buffer[pos++] & 0xff;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
