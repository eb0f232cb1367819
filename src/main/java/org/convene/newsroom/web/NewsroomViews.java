package org.convene.newsroom.web;

import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.convene.newsroom.PartnerItems.PartnerItem;

/** Names and dates as the reader's language writes them. */
final class NewsroomViews {

    record Country(String code, String name) {
    }

    record ItemView(PartnerItem item, String countryName, String languageName, String published, String publishedIso) {
    }

    private NewsroomViews() {
    }

    static List<Country> countries(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return java.util.Arrays.stream(Locale.getISOCountries()).map(c -> new Country(c, country(c, locale)))
                .sorted(Comparator.comparing(Country::name, collator)).toList();
    }

    static String country(String code, Locale locale) {
        return code == null ? "" : Locale.of("", code).getDisplayCountry(locale);
    }

    static String language(String code, Locale locale) {
        return code == null ? "" : Locale.of(code).getDisplayLanguage(locale);
    }

    static String date(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(instant.atZone(ZoneOffset.UTC));
    }

    static String dateTime(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(ZoneOffset.UTC)) + " UTC";
    }

    static ItemView view(PartnerItem item, Locale locale) {
        return new ItemView(item, country(item.country(), locale), language(item.language(), locale),
                date(item.published(), locale), item.published() == null ? "" : item.published().toString());
    }

    /** A YYYY-MM-DD day, or null when absent or unreadable. */
    static LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
