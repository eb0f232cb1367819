package org.convene.newsroom;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Items of partner outlets' feeds, for other modules (e.g. a newsletter's partner-media round-up). */
public interface PartnerItems {

    /**
     * Which items: every field is optional (null means any).
     *
     * @param from   published (or, without a date, fetched) on or after this day (UTC)
     * @param to     published on or before this day (UTC)
     * @param picked true for items staff picked only
     */
    record Filter(Long outletId, String country, String language, LocalDate from, LocalDate to, Boolean picked) {

        public static Filter any() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    /** One item; {@code published} is the feed's date, or when it was fetched if the feed gave none. */
    record PartnerItem(long id, long outletId, String outletName, String country, String language, String title,
                       String link, String summary, Instant published, Instant pickedAt) {
    }

    /** The newest items first, at most {@code limit} (capped at 200). */
    List<PartnerItem> recent(Filter filter, int limit);

    /** These items in the order given (unknown ids left out). */
    List<PartnerItem> find(Collection<Long> ids);
}
