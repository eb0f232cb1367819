package org.convene.directory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.convene.accounts.AuditLog;
import org.convene.directory.internal.Records.Organization;
import org.convene.directory.internal.Records.Region;
import org.convene.platform.i18n.Languages;
import org.convene.platform.i18n.TranslatedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member organizations as CSV. The import checks every row first and reports each bad one with its
 * line number; it imports nothing until the whole file is clean, and then all of it in one transaction.
 */
@Service
public class OrganizationCsv {

    public static final List<String> COLUMNS = List.of("name", "short_name", "country", "region", "languages", "website",
            "social_handles", "description", "description_language", "status", "joined_on");
    private static final int MAX_ROWS = 5000;

    /** One reason a row (or the file) cannot be imported; line 0 means the file as a whole. */
    public record RowProblem(long line, String messageKey, String detail) {
    }

    /** The outcome of an import: either problems and nothing imported, or the number imported. */
    public record ImportResult(List<RowProblem> problems, int imported) {
        public boolean clean() {
            return problems.isEmpty();
        }
    }

    private final OrganizationStore organizations;
    private final StructureStore structure;
    private final AuditLog audit;
    private final OrganizationSearch search;

    OrganizationCsv(OrganizationStore organizations, StructureStore structure, AuditLog audit, OrganizationSearch search) {
        this.search = search;
        this.organizations = organizations;
        this.structure = structure;
        this.audit = audit;
    }

    public void export(Writer out) throws IOException {
        Map<Long, String> regionSlugs = new HashMap<>();
        structure.regions(true).forEach(r -> regionSlugs.put(r.id(), r.slug()));
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get().print(out)) {
            for (Organization o : organizations.search(OrganizationStore.Filter.all())) {
                TranslatedText d = o.description();
                printer.printRecord(o.name(), o.shortName(), o.country(), o.regionId() == null ? "" : regionSlugs.get(o.regionId()),
                        String.join(" ", o.languages()), o.website(), o.socialHandles(), d.in(d.fallback()), d.fallback(),
                        o.status(), o.joinedOn());
            }
        }
    }

    @Transactional
    public ImportResult importFile(InputStream file) {
        List<RowProblem> problems = new ArrayList<>();
        List<Organization> rows = parse(file, problems);
        if (!problems.isEmpty()) {
            return new ImportResult(problems, 0);
        }
        for (Organization o : rows) {
            long id = organizations.insert(new Organization(0, o.name(), o.shortName(), Checks.slug(o.name(), organizations::slugTaken),
                    o.country(), o.regionId(), o.languages(), o.website(), o.socialHandles(), o.description(), null, o.status(), o.joinedOn()));
            audit.record("directory.organization.imported", "organization", id, o.name());
            search.changed(id);
        }
        return new ImportResult(List.of(), rows.size());
    }

    private List<Organization> parse(InputStream file, List<RowProblem> problems) {
        List<Organization> rows = new ArrayList<>();
        Map<String, Long> namesInFile = new HashMap<>();
        Map<String, Long> regions = new HashMap<>();
        for (Region r : structure.regions(true)) {
            regions.put(r.slug(), r.id());
        }
        Reader reader = new InputStreamReader(file, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(reader)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT).replace('\uFEFF', ' ').strip()).toList();
            if (!header.contains("name") || !header.contains("country")) {
                problems.add(new RowProblem(1, "directory.csv.header", String.join(",", COLUMNS)));
                return rows;
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException malformed) {
                    problems.add(new RowProblem(line, "directory.csv.malformed", rootMessage(malformed)));
                    break;
                }
                if (rows.size() + problems.size() >= MAX_ROWS) {
                    problems.add(new RowProblem(line, "directory.csv.tooManyRows", String.valueOf(MAX_ROWS)));
                    break;
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i).strip());
                }
                if (record.size() != header.size()) {
                    problems.add(new RowProblem(line, "directory.csv.columns", record.size() + " / " + header.size()));
                    continue;
                }
                check(line, values, regions, namesInFile, problems).ifPresent(rows::add);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
            problems.add(new RowProblem(0, unreadable instanceof CharacterCodingException || unreadable.getCause() instanceof CharacterCodingException
                    ? "directory.csv.encoding" : "directory.csv.malformed", rootMessage(unreadable)));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new RowProblem(0, "directory.csv.empty", ""));
        }
        return rows;
    }

    private Optional<Organization> check(long line, Map<String, String> v, Map<String, Long> regions, Map<String, Long> namesInFile,
                                         List<RowProblem> problems) {
        int before = problems.size();
        String name = v.getOrDefault("name", "");
        if (name.isEmpty()) {
            problems.add(new RowProblem(line, "directory.csv.nameMissing", ""));
        } else if (name.length() > 200) {
            problems.add(new RowProblem(line, "directory.csv.tooLong", "name (200)"));
        } else {
            Long earlier = namesInFile.putIfAbsent(name.toLowerCase(Locale.ROOT), line);
            if (earlier != null) {
                problems.add(new RowProblem(line, "directory.csv.duplicateInFile", name + " (" + earlier + ")"));
            } else if (organizations.idByName(name).isPresent()) {
                problems.add(new RowProblem(line, "directory.csv.duplicateInDirectory", name));
            }
        }
        String shortName = v.getOrDefault("short_name", "");
        if (shortName.length() > 50) {
            problems.add(new RowProblem(line, "directory.csv.tooLong", "short_name (50)"));
        }
        String country = v.getOrDefault("country", "").toUpperCase(Locale.ROOT);
        if (country.isEmpty()) {
            problems.add(new RowProblem(line, "directory.csv.countryMissing", ""));
        } else if (!Checks.isCountry(country)) {
            problems.add(new RowProblem(line, "directory.csv.country", country));
        }
        String regionSlug = v.getOrDefault("region", "");
        Long regionId = regionSlug.isEmpty() ? null : regions.get(regionSlug);
        if (!regionSlug.isEmpty() && regionId == null) {
            problems.add(new RowProblem(line, "directory.csv.region", regionSlug));
        }
        List<String> languages = Arrays.stream(v.getOrDefault("languages", "").split("[\\s,;]+"))
                .filter(s -> !s.isBlank()).map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        languages.stream().filter(l -> !Checks.isLanguage(l)).findFirst()
                .ifPresent(l -> problems.add(new RowProblem(line, "directory.csv.language", l)));
        String website = v.getOrDefault("website", "");
        if (!Checks.isWebsite(website)) {
            problems.add(new RowProblem(line, "directory.csv.website", website.length() > 80 ? website.substring(0, 80) + "…" : website));
        }
        String social = v.getOrDefault("social_handles", "");
        if (social.length() > 1000) {
            problems.add(new RowProblem(line, "directory.csv.tooLong", "social_handles (1000)"));
        }
        String description = v.getOrDefault("description", "");
        if (description.length() > Checks.MAX_DESCRIPTION) {
            problems.add(new RowProblem(line, "directory.csv.tooLong", "description (" + Checks.MAX_DESCRIPTION + ")"));
        }
        String descriptionLanguage = v.getOrDefault("description_language", "");
        if (descriptionLanguage.isEmpty()) {
            descriptionLanguage = Languages.DEFAULT;
        } else if (!Languages.isSupported(descriptionLanguage)) {
            problems.add(new RowProblem(line, "directory.csv.descriptionLanguage", descriptionLanguage));
        }
        String status = v.getOrDefault("status", "").toUpperCase(Locale.ROOT);
        if (status.isEmpty()) {
            status = "ACTIVE";
        } else if (!List.of("ACTIVE", "SUSPENDED").contains(status)) {
            problems.add(new RowProblem(line, "directory.csv.status", status));
        }
        LocalDate joined = LocalDate.now();
        String joinedText = v.getOrDefault("joined_on", "");
        if (!joinedText.isEmpty()) {
            try {
                joined = LocalDate.parse(joinedText);
            } catch (DateTimeParseException e) {
                problems.add(new RowProblem(line, "directory.csv.date", joinedText));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Organization(0, name, shortName.isEmpty() ? null : shortName, null, country, regionId, languages,
                website.isEmpty() ? null : website, social.isEmpty() ? null : social,
                TranslatedText.of(descriptionLanguage, description), null, status, joined));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
