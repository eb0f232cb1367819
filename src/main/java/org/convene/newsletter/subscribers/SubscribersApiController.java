package org.convene.newsletter.subscribers;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.convene.newsletter.internal.Segment;
import org.convene.newsletter.internal.SubscriberStatus;
import org.convene.platform.web.ApiController;
import org.convene.platform.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newsletter list in the REST API: anyone subscribes (double opt-in, limited per client
 * address); network admins list, import and export subscribers and count a segment; the mail
 * provider reports bounces and complaints to the webhook with the shared secret.
 */
@ApiController("/api/v1/newsletter")
class SubscribersApiController {

    /** A subscription; {@code topics} from the configured list, {@code regionId}/{@code organizationId} optional. */
    record SubscriptionRequest(String email, String name, String language, Long regionId, List<String> topics, Long organizationId) {
    }

    record Accepted(String status, String detail) {
    }

    record SubscriberDocument(long id, String email, String name, String language, Long regionId, Long organizationId, List<String> topics,
                              SubscriberStatus status, String suppressed, Instant consentAt, String consentSource, String consentText,
                              Instant confirmedAt, Instant createdAt) {
        static SubscriberDocument of(SubscriberQueries.Row row) {
            Subscriber s = row.subscriber();
            return new SubscriberDocument(s.id(), s.email(), s.name(), s.language(), s.regionId(), s.organizationId(), s.topics(), s.status(),
                    row.suppressed(), s.consentAt(), s.consentSource(), s.consentText(), s.confirmedAt(), s.createdAt());
        }
    }

    record SubscribersPage(List<SubscriberDocument> subscribers, int total, int page, int pages, Map<String, Integer> counts) {
    }

    record Recipients(int recipients) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Subscriptions subscriptions;
    private final SubscribeAllowance allowance;
    private final SubscriberQueries queries;
    private final SubscriberCsv csv;
    private final Bounces bounces;
    private final SubscribersProperties properties;

    SubscribersApiController(Subscriptions subscriptions, SubscribeAllowance allowance, SubscriberQueries queries, SubscriberCsv csv,
                             Bounces bounces, SubscribersProperties properties) {
        this.subscriptions = subscriptions;
        this.allowance = allowance;
        this.queries = queries;
        this.csv = csv;
        this.bounces = bounces;
        this.properties = properties;
    }

    @Operation(summary = "Subscribe to the newsletter (double opt-in)",
            description = "Fields: email, name, language (en, es, fr, pt, id, ar), regionId, topics (configured keys), organizationId. "
                    + "Invalid or throwaway addresses and unknown values are a 400 problem naming the fields. Otherwise the answer is "
                    + "always 202 'check your inbox', whether the address is new, pending, subscribed or suppressed (no one learns who "
                    + "is on the list); only the confirmation mail is sent until its link is opened. Limited per client address (429).")
    @PermitAll
    @PostMapping("/subscriptions")
    ResponseEntity<?> subscribe(@RequestBody SubscriptionRequest request, HttpServletRequest http, Locale locale) {
        if (!allowance.tryTake(http)) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "Too many subscriptions from this address; try again in a minute.",
                    Map.of("Retry-After", "60"));
        }
        subscriptions.subscribe(new Subscriptions.Request(request.email(), request.name(), request.language(), request.regionId(),
                request.topics(), request.organizationId()), "api", locale);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted("check-your-inbox",
                "If the address can receive the newsletter, a mail is on its way to it."));
    }

    @Operation(summary = "Subscribers (network admins)",
            description = "Filters q (e-mail or name), status, language, regionId, topic, organizationId; 50 a page; with counts per status.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping("/subscribers")
    SubscribersPage subscribers(@RequestParam(required = false) String q, @RequestParam(required = false) SubscriberStatus status,
                                @RequestParam(required = false) String language, @RequestParam(required = false) Long regionId,
                                @RequestParam(required = false) String topic, @RequestParam(required = false) Long organizationId,
                                @RequestParam(defaultValue = "1") int page) {
        SubscriberQueries.Page result = queries.search(new SubscriberQueries.Filter(q, status, language, regionId, topic, organizationId), page);
        return new SubscribersPage(result.rows().stream().map(SubscriberDocument::of).toList(), result.total(), result.page(), result.pages(),
                queries.counts());
    }

    @Operation(summary = "Export subscribers as CSV (network admins)",
            description = "Streamed: email, name, language, region, organization, topics, status, suppressed, consent_at, consent_source, "
                    + "consent_text, confirmed_at, created_at.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @GetMapping(value = "/subscribers/export", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> export() {
        return SubscribersAdminController.exportResponse(csv);
    }

    @Operation(summary = "Import subscribers from CSV (network admins)",
            description = "Body: CSV with columns email,name,language,region,topics (optional organization; topics separated by ';'). "
                    + "Required: source (where the consent was given) and consentText (what people agreed to); confirmed=true only if "
                    + "they already confirmed (else they are PENDING and get the confirmation mail). All or nothing: any bad row is a 400 "
                    + "problem listing every bad row by number. Suppressed and existing addresses are skipped and listed.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping(value = "/subscribers/import", consumes = {"text/csv", "text/plain"})
    SubscriberCsv.ImportResult importCsv(@RequestBody String body, @RequestParam(defaultValue = "") String source,
                                         @RequestParam(defaultValue = "") String consentText,
                                         @RequestParam(defaultValue = "false") boolean confirmed, Locale locale) {
        return csv.importCsv(new StringReader(body), new SubscriberCsv.Declaration(source, consentText, confirmed), locale);
    }

    @Operation(summary = "How many subscribers a segment reaches (network admins)",
            description = "Body: {languages, regionIds, topics, organizationIds}; empty lists do not narrow. Only SUBSCRIBED, unsuppressed addresses count.")
    @PreAuthorize("@staffAccess.isNetworkAdmin()")
    @PostMapping("/segments/count")
    Recipients count(@RequestBody Segment segment) {
        return new Recipients(queries.recipients(segment));
    }

    @Operation(summary = "Report a bounce or complaint (mail provider webhook)",
            description = "Authenticated by the shared secret convene.newsletter.bounce-webhook-secret, either in the header "
                    + "X-Convene-Webhook-Secret or as X-Convene-Signature: sha256=<hex HMAC-SHA256 of the raw body under the secret>. "
                    + "Body: {\"email\": ..., \"type\": \"hard\"|\"soft\"|\"complaint\", \"detail\": ...}. A hard bounce or a complaint "
                    + "suppresses the address at once; soft bounces suppress it after the configured number within 30 days. A wrong or "
                    + "missing secret is a 401 problem, a malformed body a 400 problem; neither changes anything. 404 when no secret is set.")
    @PermitAll
    @PostMapping("/bounces")
    ResponseEntity<?> bounce(@RequestBody(required = false) byte[] body,
                             @RequestHeader(name = "X-Convene-Webhook-Secret", required = false) String secret,
                             @RequestHeader(name = "X-Convene-Signature", required = false) String signature) {
        String configured = properties.bounceWebhookSecret();
        if (configured == null || configured.isBlank()) {
            return problem(HttpStatus.NOT_FOUND, "Not found", "The bounce webhook is not configured.", Map.of());
        }
        byte[] raw = body == null ? new byte[0] : body;
        if (!authentic(configured, raw, secret, signature)) {
            return problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "Wrong or missing webhook secret.", Map.of());
        }
        JsonNode json;
        try {
            json = JSON.readTree(raw);
        } catch (RuntimeException malformed) {
            throw new InvalidInputException("body", "json", "The body is not JSON.");
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("body", "json", "The body must be a JSON object.");
        }
        String email = json.path("email").isString() ? json.path("email").asString().strip() : "";
        String type = json.path("type").isString() ? json.path("type").asString() : "";
        Bounces.Kind kind = switch (type.toLowerCase(Locale.ROOT)) {
            case "hard" -> Bounces.Kind.HARD;
            case "soft" -> Bounces.Kind.SOFT;
            case "complaint" -> Bounces.Kind.COMPLAINT;
            default -> null;
        };
        List<InvalidInputException.FieldProblem> problems = new java.util.ArrayList<>();
        if (email.isEmpty() || email.length() > 254 || !email.matches("[^\\s@]+@[^\\s@]+")) {
            problems.add(new InvalidInputException.FieldProblem("email", "email", "email must be an e-mail address."));
        }
        if (kind == null) {
            problems.add(new InvalidInputException.FieldProblem("type", "type", "type must be hard, soft or complaint."));
        }
        if (json.has("detail") && !json.get("detail").isString() && !json.get("detail").isNull()) {
            problems.add(new InvalidInputException.FieldProblem("detail", "detail", "detail must be a string."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String detail = json.path("detail").isString() ? json.path("detail").asString() : type + " bounce";
        boolean suppressed = bounces.record(email, kind, detail);
        return ResponseEntity.ok(Map.of("email", email.toLowerCase(Locale.ROOT), "suppressed", suppressed));
    }

    /** The secret header or the HMAC signature, each compared in constant time. */
    static boolean authentic(String configured, byte[] body, String secret, String signature) {
        byte[] expected = configured.getBytes(StandardCharsets.UTF_8);
        if (secret != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), expected)) {
            return true;
        }
        if (signature != null && signature.startsWith("sha256=")) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(expected, "HmacSHA256"));
                byte[] computed = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
                return MessageDigest.isEqual(signature.substring(7).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII), computed);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    @ExceptionHandler(SubscriberCsv.ImportRefusedException.class)
    ResponseEntity<ProblemDetail> refused(SubscriberCsv.ImportRefusedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Import refused");
        problem.setProperty("rows", ex.rows().stream().map(r -> Map.of("row", r.row(), "message", r.message())).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<?> problem(HttpStatus status, String title, String detail, Map<String, String> headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        var response = ResponseEntity.status(status);
        headers.forEach((k, v) -> response.header(k, v));
        return response.body(problem);
    }
}
