package org.convene.newsletter.subscribers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.convene.directory.MemberDirectory;
import org.convene.platform.i18n.Languages;
import org.convene.platform.web.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import and export of the subscriber list as CSV.
 * <p>
 * Import (columns {@code email,name,language,region,topics}, optionally {@code organization}; topics
 * separated by {@code ;}; region and organization by slug or id) is all or nothing: every row is
 * checked first, and one bad row imports nothing (each bad row is reported with its number, the
 * header being row 1). Suppressed addresses are skipped and reported, never reactivated. Addresses
 * already on the list are skipped and reported too: the person's own preferences and consent win
 * over a list. New subscribers are SUBSCRIBED only when staff declare that they already confirmed
 * (e.g. on a paper form with a double opt-in elsewhere); otherwise they are PENDING and get the
 * confirmation mail, exactly like a form subscription. Consent is recorded as
 * {@code import:<declared source>} with the declared consent text.
 */
@Component
class SubscriberCsv {

    static final String[] EXPORT_HEADER = {"email", "name", "language", "region", "organization", "topics", "status", "suppressed",
            "consent_at", "consent_source", "consent_text", "confirmed_at", "created_at"};
    static final int MAX_ROWS = 50_000;

    record RowError(int row, String message) {
    }

    /** What an import did: new subscribers by status, and the addresses it left alone. */
    record ImportResult(int subscribed, int pending, List<String> suppressed, List<String> existing) {
    }

    /** An import refused as a whole, with the rows that caused it. */
    static class ImportRefusedException extends RuntimeException {
        private final List<RowError> rows;

        ImportRefusedException(List<RowError> rows) {
            super(rows.size() + " rows have errors; nothing was imported");
            this.rows = List.copyOf(rows);
        }

        List<RowError> rows() {
            return rows;
        }
    }

    record Declaration(String source, String consentText, boolean confirmed) {
    }

    private record Row(String email, String name, String language, Long regionId, List<String> topics, Long organizationId) {
    }

    private final JdbcClient jdbc;
    private final EmailAddresses addresses;
    private final MemberDirectory directory;
    private final SubscribersProperties properties;
    private final SubscriberMails mails;
    private final Subscriptions subscriptions;
    private final TransactionTemplate transactions;
    private final MessageSource messages;

    SubscriberCsv(JdbcClient jdbc, EmailAddresses addresses, MemberDirectory directory, SubscribersProperties properties, SubscriberMails mails,
                  Subscriptions subscriptions, TransactionTemplate transactions, MessageSource messages) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.directory = directory;
        this.properties = properties;
        this.mails = mails;
        this.subscriptions = subscriptions;
        this.transactions = transactions;
        this.messages = messages;
    }

    ImportResult importCsv(Reader csv, Declaration declaration, Locale locale) {
        List<InvalidInputException.FieldProblem> declared = new ArrayList<>();
        if (declaration.source() == null || declaration.source().isBlank() || declaration.source().length() > 200) {
            declared.add(new InvalidInputException.FieldProblem("source", "newsletter.subscribers.import.error.source", text("newsletter.subscribers.import.error.source", locale)));
        }
        if (declaration.consentText() == null || declaration.consentText().isBlank() || declaration.consentText().length() > 2000) {
            declared.add(new InvalidInputException.FieldProblem("consentText", "newsletter.subscribers.import.error.consentText",
                    text("newsletter.subscribers.import.error.consentText", locale)));
        }
        if (!declared.isEmpty()) {
            throw new InvalidInputException(declared);
        }
        List<Row> rows = parse(csv, locale);
        String source = "import:" + declaration.source().strip();
        String consent = declaration.consentText().strip();
        return transactions.execute(status -> {
            int subscribed = 0;
            int pending = 0;
            List<String> suppressed = new ArrayList<>();
            List<String> existing = new ArrayList<>();
            for (Row row : rows) {
                if (jdbc.sql("SELECT count(*) FROM suppression WHERE email = lower(:email)").param("email", row.email()).query(Integer.class).single() > 0) {
                    suppressed.add(row.email());
                    continue;
                }
                var id = jdbc.sql("""
                                INSERT INTO subscriber (email, name, language, region_id, organization_id, topics, status, consent_at,
                                    consent_source, consent_text, confirmed_at)
                                VALUES (:email, :name, :language, :region, :organization, CAST(:topics AS text[]), :status, now(), :source,
                                    :consent, CASE WHEN :status = 'SUBSCRIBED' THEN now() END)
                                ON CONFLICT (lower(email)) DO NOTHING RETURNING id""")
                        .param("email", row.email()).param("name", row.name()).param("language", row.language())
                        .param("region", row.regionId()).param("organization", row.organizationId())
                        .param("topics", SubscriberQueries.textArray(row.topics()))
                        .param("status", declaration.confirmed() ? "SUBSCRIBED" : "PENDING").param("source", source).param("consent", consent)
                        .query(Long.class).optional();
                if (id.isEmpty()) {
                    existing.add(row.email());
                } else if (declaration.confirmed()) {
                    subscribed++;
                } else {
                    mails.confirmation(subscriptions.subscriber(id.get()));
                    pending++;
                }
            }
            return new ImportResult(subscribed, pending, suppressed, existing);
        });
    }

    private List<Row> parse(Reader csv, Locale locale) {
        List<RowError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Long> regions = new HashMap<>();
        directory.regions().forEach(r -> {
            regions.put(r.slug().toLowerCase(Locale.ROOT), r.id());
            regions.put(String.valueOf(r.id()), r.id());
            r.name().values().values().forEach(name -> regions.put(name.strip().toLowerCase(Locale.ROOT), r.id()));
        });
        Map<String, Long> organizations = new HashMap<>();
        directory.organizations().forEach(o -> {
            organizations.put(o.slug().toLowerCase(Locale.ROOT), o.id());
            organizations.put(String.valueOf(o.id()), o.id());
        });
        Set<String> seen = new HashSet<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                .setTrim(true).setIgnoreEmptyLines(true).get().parse(csv)) {
            if (!parser.getHeaderMap().containsKey("email")) {
                throw new ImportRefusedException(List.of(new RowError(1, text("newsletter.subscribers.import.error.header", locale))));
            }
            int number = 1;
            for (CSVRecord record : parser) {
                number++;
                if (number > MAX_ROWS + 1) {
                    errors.add(new RowError(number, text("newsletter.subscribers.import.error.tooMany", locale, MAX_ROWS)));
                    break;
                }
                List<String> problems = new ArrayList<>();
                String email = value(record, "email");
                switch (addresses.check(email)) {
                    case INVALID -> problems.add(text("newsletter.subscribers.error.email", locale));
                    case DISPOSABLE -> problems.add(text("newsletter.subscribers.error.disposable", locale));
                    case OK -> {
                        if (!seen.add(email.toLowerCase(Locale.ROOT))) {
                            problems.add(text("newsletter.subscribers.import.error.duplicate", locale));
                        }
                    }
                }
                String name = value(record, "name");
                if (name.length() > 200) {
                    problems.add(text("newsletter.subscribers.error.name", locale));
                }
                String language = value(record, "language").isEmpty() ? Languages.DEFAULT : value(record, "language").toLowerCase(Locale.ROOT);
                if (!Languages.isSupported(language)) {
                    problems.add(text("newsletter.subscribers.import.error.language", locale, language, String.join(", ", Languages.SUPPORTED)));
                }
                Long region = null;
                String regionValue = value(record, "region");
                if (!regionValue.isEmpty()) {
                    region = regions.get(regionValue.toLowerCase(Locale.ROOT));
                    if (region == null) {
                        problems.add(text("newsletter.subscribers.import.error.region", locale, regionValue));
                    }
                }
                Long organization = null;
                String organizationValue = value(record, "organization");
                if (!organizationValue.isEmpty()) {
                    organization = organizations.get(organizationValue.toLowerCase(Locale.ROOT));
                    if (organization == null) {
                        problems.add(text("newsletter.subscribers.import.error.organization", locale, organizationValue));
                    }
                }
                List<String> topics = Arrays.stream(value(record, "topics").split("[;|]")).map(String::strip).filter(t -> !t.isEmpty())
                        .distinct().toList();
                List<String> unknown = topics.stream().filter(t -> !properties.topics().contains(t)).toList();
                if (!unknown.isEmpty()) {
                    problems.add(text("newsletter.subscribers.import.error.topics", locale, String.join(", ", unknown), String.join(", ", properties.topics())));
                }
                if (problems.isEmpty()) {
                    rows.add(new Row(email, name, language, region, topics, organization));
                } else {
                    errors.add(new RowError(number, String.join(" ", problems)));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException malformed) {
            throw new ImportRefusedException(List.of(new RowError(0, text("newsletter.subscribers.import.error.malformed", locale))));
        }
        if (!errors.isEmpty()) {
            throw new ImportRefusedException(errors);
        }
        if (rows.isEmpty()) {
            throw new ImportRefusedException(List.of(new RowError(1, text("newsletter.subscribers.import.error.empty", locale))));
        }
        return rows;
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
    }

    /** Writes every subscriber with status and consent, a thousand rows at a time (never the whole list in memory). */
    void export(OutputStream out) throws IOException {
        Map<Long, String> regionNames = new HashMap<>();
        directory.regions().forEach(r -> regionNames.put(r.id(), r.slug()));
        Map<Long, String> organizationSlugs = new HashMap<>();
        directory.organizations().forEach(o -> organizationSlugs.put(o.id(), o.slug()));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(EXPORT_HEADER).get());
        long after = 0;
        while (true) {
            record Line(Subscriber subscriber, String suppressed) {
            }
            List<Line> batch = jdbc.sql("SELECT " + Subscriber.COLUMNS + ", x.reason FROM subscriber s "
                            + "LEFT JOIN suppression x ON x.email = lower(s.email) WHERE s.id > :after ORDER BY s.id LIMIT 1000")
                    .param("after", after).query((rs, n) -> new Line(Subscriber.map(rs, n), rs.getString(14))).list();
            for (Line line : batch) {
                Subscriber s = line.subscriber();
                csv.printRecord(safe(s.email()), safe(s.name()), s.language(), s.regionId() == null ? "" : regionNames.getOrDefault(s.regionId(), ""),
                        s.organizationId() == null ? "" : organizationSlugs.getOrDefault(s.organizationId(), ""), safe(String.join(";", s.topics())),
                        s.status().name(), line.suppressed() == null ? "" : line.suppressed(), time(s.consentAt()), safe(s.consentSource()),
                        safe(s.consentText()), time(s.confirmedAt()), time(s.createdAt()));
                after = s.id();
            }
            csv.flush();
            if (batch.size() < 1000) {
                break;
            }
        }
        writer.flush();
    }

    private static String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** A cell starting with a formula character gets a quote first, so a spreadsheet does not run it. */
    private static String safe(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private String text(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }
}
