package org.convene.campaigns.gallery;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A piece of footage as a page shows it: its file addresses (served by the footage controller under
 * {@code /footage/}), the submission time in the campaign's zone, and width/height for the thumbnail
 * so that lazy loading does not shift the layout.
 */
public record FootageView(FootageItem item, String fileUrl, String thumbnailUrl, String submitted, int thumbWidth,
                          int thumbHeight, String organization, String country) {

    static final int THUMB_BOX = 320;

    static FootageView of(FootageItem item, ZoneId zone, Locale locale, String organization) {
        int w = item.width() == null || item.width() <= 0 ? 4 : item.width();
        int h = item.height() == null || item.height() <= 0 ? 3 : item.height();
        double scale = (double) THUMB_BOX / Math.max(w, h);
        String country = item.actionCountry() == null ? null : Locale.of("", item.actionCountry()).getDisplayCountry(locale);
        return new FootageView(item, "/footage/" + item.storedName(),
                item.thumbnailName() == null ? null : "/footage/" + item.thumbnailName(),
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                        .format(item.submittedAt().atZone(zone)),
                Math.max(1, (int) Math.round(w * scale)), Math.max(1, (int) Math.round(h * scale)), organization, country);
    }
}
