import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load of bench/campaign-map: CLIENTS concurrent clients fetch one URL in a loop for SECONDS
 * (after a short unmeasured warm-up), each full request without If-None-Match, with
 * Accept-Encoding: gzip as browsers send it (the GZIP argument 0 asks for the plain body).
 * Prints key=value lines: requests, errors, bytes_per_response, requests_per_s, p50_ms, p99_ms, max_ms.
 *
 * Usage: java CampaignMapLoad.java URL CLIENTS SECONDS WARMUP_SECONDS [GZIP]
 */
public class CampaignMapLoad {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int clients = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        boolean gzip = args.length < 5 || !args[4].equals("0");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (gzip) {
            builder.header("Accept-Encoding", "gzip");
        }
        HttpRequest request = builder.build();
        run(http, request, clients, warmup, false);
        run(http, request, clients, seconds, true);
    }

    private static void run(HttpClient http, HttpRequest request, int clients, int seconds, boolean report) throws Exception {
        List<List<Long>> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                List<Long> mine = new ArrayList<>();
                latencies.add(mine);
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            } else {
                                bytes.set(response.body().length);
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        mine.add(System.nanoTime() - t0);
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (!report) {
            return;
        }
        List<Long> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        Collections.sort(all);
        System.out.println("requests=" + all.size());
        System.out.println("errors=" + errors.get());
        System.out.println("bytes_per_response=" + bytes.get());
        System.out.printf("requests_per_s=%.1f%n", all.size() / elapsed);
        System.out.printf("p50_ms=%.1f%n", pct(all, 0.50));
        System.out.printf("p99_ms=%.1f%n", pct(all, 0.99));
        System.out.printf("max_ms=%.1f%n", all.isEmpty() ? 0 : all.getLast() / 1e6);
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
