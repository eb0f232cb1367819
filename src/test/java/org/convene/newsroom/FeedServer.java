package org.convene.newsroom;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server for feed tests, on a loopback address of its choosing; counts requests and keeps their headers. */
public class FeedServer implements AutoCloseable {

    public interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final String address;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    public final List<Headers> requests = new CopyOnWriteArrayList<>();

    public FeedServer(String address) throws IOException {
        this.address = address;
        this.server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** A server on 127.0.0.2, the address the test profile allows. */
    public static FeedServer allowed() throws IOException {
        return new FeedServer("127.0.0.2");
    }

    public FeedServer on(String path, Handler handler) {
        server.createContext(path, exchange -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            requests.add(exchange.getRequestHeaders());
            try (exchange) {
                handler.handle(exchange);
            } catch (IOException ignored) {
                // the client hung up (size limit, timeout): that is what some tests want
            }
        });
        return this;
    }

    public String url(String path) {
        return "http://" + address + ":" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    public int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** An RSS 2.0 feed with these items (guid, title, link). */
    public static String rss(String... guidTitleLink) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i + 2 < guidTitleLink.length; i += 3) {
            items.append("<item><guid isPermaLink=\"false\">").append(guidTitleLink[i]).append("</guid><title>")
                    .append(guidTitleLink[i + 1]).append("</title><link>").append(guidTitleLink[i + 2])
                    .append("</link><description>&lt;p&gt;Summary of ").append(guidTitleLink[i + 1])
                    .append("&lt;/p&gt;</description><pubDate>Mon, 23 Nov 2026 0").append(i / 3 % 10).append(":00:00 GMT</pubDate></item>");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Test feed</title><link>https://news.example.org/</link>
                <description>Test</description><language>en</language>%s</channel></rss>""".formatted(items);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
