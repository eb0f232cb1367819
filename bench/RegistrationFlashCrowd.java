import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flash crowd of bench/registration-flash-crowd: DISTINCT people register for one event
 * through POST /api/v1/events/{id}/registrations from CLIENTS concurrent clients (virtual
 * threads sharing one java.net.http client); a quarter of all requests are retries of e-mails
 * sent before, some while the first attempt is still in flight (double click), some later (retry
 * after a timeout). Every response is checked: the same e-mail must always get the same
 * registration id back.
 *
 * Usage: java RegistrationFlashCrowd.java BASE_URL[,BASE_URL...] EVENT_ID DISTINCT CLIENTS OUT_DIR [EMAIL_PREFIX [EVENT_SLUG]]
 * With EVENT_SLUG, each client is a browser of its own (cookies, CSRF token) posting the event
 * page's HTML form instead of the API; then created_201 counts the form's redirects (new or not).
 * Writes OUT_DIR/ids.txt (the registration id of every 2xx answer, one per line) and prints
 * key=value lines for the script.
 */
public class RegistrationFlashCrowd {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long eventId = Long.parseLong(args[1]);
        int distinct = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        Path out = Path.of(args[4]);
        String prefix = args.length > 5 ? args[5] : "crowd";
        // with an event slug, people register through the HTML form of the event page instead of the API
        String formSlug = args.length > 6 ? args[6] : null;
        String run = Long.toString(System.currentTimeMillis(), 36);

        // the attempts: every person once, then a retry for one in three people (25% of all requests),
        // placed shortly after the first attempt (often still in flight) or much later
        Random random = new Random(42);
        List<double[]> schedule = new ArrayList<>(); // {place in the sequence, person}
        for (int i = 0; i < distinct; i++) {
            schedule.add(new double[] {i, i});
        }
        int retries = distinct / 3;
        List<Integer> people = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            people.add(i);
        }
        Collections.shuffle(people, random);
        for (int r = 0; r < retries; r++) {
            int person = people.get(r);
            int later = random.nextBoolean() ? random.nextInt(clients) : random.nextInt(distinct);
            schedule.add(new double[] {person + later + 0.5, person});
        }
        schedule.sort((a, b) -> Double.compare(a[0], b[0]));
        List<Integer> attempts = schedule.stream().map(a -> (int) a[1]).toList();
        int total = attempts.size();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        // one or more application nodes (comma-separated base addresses), taken in turn
        List<URI> uris = Arrays.stream(base.split(",")).map(b -> URI.create(formSlug == null
                ? b + "/api/v1/events/" + eventId + "/registrations" : b + "/events/" + formSlug + "/registrations")).toList();
        Set<String> okEmails = ConcurrentHashMap.newKeySet();
        long[] latencies = new long[total];
        Map<Integer, Long> idOfPerson = new ConcurrentHashMap<>();
        List<Long> okIds = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger found = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger inconsistent = new AtomicInteger();
        AtomicLong firstError = new AtomicLong();
        Map<String, Integer> errors = new ConcurrentHashMap<>();

        long started = System.nanoTime();
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                workers.submit(() -> {
                    HttpClient client = http;
                    String csrf = null;
                    if (formSlug != null) {
                        // a browser of its own: a session cookie and the form's CSRF token from the event page
                        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                                .connectTimeout(Duration.ofSeconds(10)).build();
                        String page = client.send(HttpRequest.newBuilder(URI.create(base.split(",")[0] + "/events/" + formSlug)).build(),
                                HttpResponse.BodyHandlers.ofString()).body();
                        Matcher token = CSRF.matcher(page);
                        csrf = token.find() ? token.group(1) : "";
                    }
                    int n;
                    while ((n = next.getAndIncrement()) < total) {
                        int person = attempts.get(n);
                        String email = prefix + "-" + run + "-" + person + "@example.net";
                        String body = formSlug == null
                                ? "{\"name\":\"Supporter " + person + "\",\"email\":\"" + email + "\",\"attendance\":\"IN_PERSON\"}"
                                : "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8) + "&name=Supporter+" + person
                                  + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&attendance=IN_PERSON";
                        HttpRequest request = HttpRequest.newBuilder(uris.get(n % uris.size())).timeout(Duration.ofSeconds(60))
                                .header("Content-Type", formSlug == null ? "application/json" : "application/x-www-form-urlencoded")
                                .header("Accept-Language", "en")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            latencies[n] = System.nanoTime() - t0;
                            int status = response.statusCode();
                            if (formSlug != null && status == 302
                                    && response.headers().firstValue("Location").orElse("").contains("/events/" + formSlug)) {
                                // the form answers with a redirect to the event page, whether new or found again
                                created.incrementAndGet();
                                okEmails.add(email);
                            } else if (formSlug == null && (status == 201 || status == 200)) {
                                (status == 201 ? created : found).incrementAndGet();
                                Matcher m = ID.matcher(response.body());
                                if (m.find()) {
                                    long id = Long.parseLong(m.group(1));
                                    okIds.add(id);
                                    Long before = idOfPerson.putIfAbsent(person, id);
                                    if (before != null && before != id) {
                                        inconsistent.incrementAndGet();
                                    }
                                }
                            } else {
                                failed.incrementAndGet();
                                errors.merge("HTTP " + status, 1, Integer::sum);
                            }
                        } catch (IOException | InterruptedException e) {
                            latencies[n] = System.nanoTime() - t0;
                            failed.incrementAndGet();
                            errors.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                            firstError.compareAndSet(0, 1);
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        StringBuilder ids = new StringBuilder();
        synchronized (okIds) {
            okIds.stream().distinct().forEach(id -> ids.append(id).append('\n'));
        }
        Files.writeString(out.resolve("ids.txt"), ids);
        Files.writeString(out.resolve("emails.txt"), String.join("\n", okEmails) + (okEmails.isEmpty() ? "" : "\n"));
        System.out.printf("requests=%d%n", total);
        System.out.printf("distinct_people=%d%n", distinct);
        System.out.printf("retries=%d%n", total - distinct);
        System.out.printf("clients=%d%n", clients);
        System.out.printf("created_201=%d%n", created.get());
        System.out.printf("found_200=%d%n", found.get());
        System.out.printf("failed=%d%n", failed.get());
        System.out.printf("errors=%s%n", errors);
        System.out.printf("inconsistent_ids=%d%n", inconsistent.get());
        System.out.printf("seconds=%.2f%n", seconds);
        System.out.printf("requests_per_s=%.1f%n", total / seconds);
        System.out.printf("registrations_per_s=%.1f%n", created.get() / seconds);
        System.out.printf("p50_ms=%.1f%n", sorted[total / 2] / 1e6);
        System.out.printf("p99_ms=%.1f%n", sorted[(int) Math.ceil(total * 0.99) - 1] / 1e6);
        System.out.printf("max_ms=%.1f%n", sorted[total - 1] / 1e6);
    }
}
