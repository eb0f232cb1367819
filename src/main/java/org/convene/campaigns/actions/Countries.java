package org.convene.campaigns.actions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * ISO 3166-1 alpha-2 countries as the JDK knows them, their names in the reader's language and their
 * approximate centres (from {@code campaigns/country-centroids.csv}).
 */
@Component
public class Countries {

    public record Country(String code, String name) {
    }

    public record Position(double latitude, double longitude) {
    }

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private final Map<String, Position> centres;

    Countries() {
        this.centres = load();
    }

    /** The code in upper case when it is an ISO country ("fr" is FR), else empty ("XX", "usa"). */
    public Optional<String> code(String given) {
        if (given == null || !given.strip().matches("[A-Za-z]{2}")) {
            return Optional.empty();
        }
        String code = given.strip().toUpperCase(Locale.ROOT);
        return CODES.contains(code) ? Optional.of(code) : Optional.empty();
    }

    public String name(String code, Locale locale) {
        return code == null ? "" : Locale.of("", code).getDisplayCountry(locale);
    }

    /** Every country, sorted by its name in that language. */
    public List<Country> all(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return CODES.stream().map(c -> new Country(c, name(c, locale)))
                .sorted(Comparator.comparing(Country::name, collator)).toList();
    }

    public Position centre(String code) {
        Position position = centres.get(code);
        if (position == null) {
            throw new IllegalStateException("No centre for country " + code);
        }
        return position;
    }

    Set<String> codesWithCentres() {
        return centres.keySet();
    }

    private static Map<String, Position> load() {
        Map<String, Position> map = new HashMap<>();
        var in = Countries.class.getResourceAsStream("/campaigns/country-centroids.csv");
        if (in == null) {
            throw new IllegalStateException("campaigns/country-centroids.csv is missing");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line : reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
                String[] parts = line.split(",");
                map.put(parts[0].strip(), new Position(Double.parseDouble(parts[1]), Double.parseDouble(parts[2])));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.copyOf(map);
    }
}
