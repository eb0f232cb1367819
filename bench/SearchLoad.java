import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The readers of bench/search: CLIENTS concurrent clients, each sending its next search as soon as
 * the last one is answered, with queries drawn at random from QUERIES_FILE (one per line), against
 * BASE_URL + PATH + "?q=..." for WARMUP seconds (not measured) and then SECONDS seconds. Every
 * answer must be a 200 with results; prints key=value lines for the script.
 *
 * Usage: java SearchLoad.java BASE_URL PATH QUERIES_FILE CLIENTS SECONDS WARMUP_SECONDS
 */
public class SearchLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String path = args[1];
        List<String> queries = Files.readAllLines(Path.of(args[2])).stream().filter(q -> !q.isBlank()).toList();
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long stopAt = measureFrom + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] holder = {new long[1 << 16]};
            int[] count = {0};
            Thread t = Thread.ofPlatform().start(() -> {
                while (true) {
                    long before = System.nanoTime();
                    if (before >= stopAt) {
                        break;
                    }
                    String q = queries.get(ThreadLocalRandom.current().nextInt(queries.size()));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                            .timeout(Duration.ofSeconds(30)).build();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - before;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (response.body().contains("\"total\":0")) {
                            empty.incrementAndGet();
                        }
                        if (before >= measureFrom) {
                            if (count[0] == holder[0].length) {
                                holder[0] = Arrays.copyOf(holder[0], holder[0].length * 2);
                            }
                            holder[0][count[0]++] = took;
                        }
                    } catch (Exception failed) {
                        errors.incrementAndGet();
                    }
                }
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(holder[0], count[0]));
                }
            });
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.println("requests=" + all.length);
        System.out.println("errors=" + errors.get());
        System.out.println("empty=" + empty.get());
        System.out.printf("requests_per_s=%.1f%n", all.length / (double) seconds);
        System.out.printf("p50_ms=%.1f%n", percentile(all, 0.50));
        System.out.printf("p99_ms=%.1f%n", percentile(all, 0.99));
        System.out.printf("max_ms=%.1f%n", all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
