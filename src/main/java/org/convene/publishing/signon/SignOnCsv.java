package org.convene.publishing.signon;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * The signatories of a statement as CSV for staff: shown organizations and confirmed individuals,
 * with their type, name, country, region, website, contact (never public elsewhere) and when they
 * were verified. Cells starting with a formula character are prefixed with a quote, so a
 * spreadsheet does not run them.
 */
@Component
class SignOnCsv {

    static final String[] HEADER = {"type", "name", "organization_or_role", "country", "region", "website", "contact_name", "contact_email",
            "verified_at"};

    private final SignOn signOn;
    private final SignOnPages pages;

    SignOnCsv(SignOn signOn, SignOnPages pages) {
        this.signOn = signOn;
        this.pages = pages;
    }

    String signatories(long statementId) {
        List<Endorsement> shown = signOn.all(statementId).stream().filter(Endorsement::isShown).toList();
        Map<Long, String> regionOf = new HashMap<>();
        for (SignOnPages.RegionGroup group : pages.group(shown.stream().filter(e -> e.kind() != EndorsementKind.INDIVIDUAL).toList(),
                Locale.ENGLISH, false)) {
            group.countries().forEach(c -> c.organizations().forEach(o -> regionOf.put(o.id(), group.name() == null ? "" : group.name())));
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (Endorsement e : shown) {
                csv.printRecord(e.kind().name(), safe(e.name()), safe(e.affiliation()), e.country(), safe(regionOf.getOrDefault(e.id(), "")),
                        safe(e.website()), safe(e.contactName()), safe(e.email()),
                        e.verifiedAt() == null ? "" : DateTimeFormatter.ISO_INSTANT.format(e.verifiedAt()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String safe(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
