package org.convene.events.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How a recurring meeting repeats, counted from its first occurrence's date. */
public enum SeriesRule {
    /** Every week on the same weekday. */
    WEEKLY,
    /** Every month on the same weekday of the same week, e.g. the first Tuesday (a fifth one becomes the last). */
    MONTHLY_WEEKDAY,
    /** Every month on the same day of the month; months without that day are skipped. */
    MONTHLY_DATE;

    /** The date of the occurrence {@code n} steps after the first (n = 0 is the first), or null when that month has no such day. */
    public LocalDate occurrence(LocalDate first, int n) {
        return switch (this) {
            case WEEKLY -> first.plusWeeks(n);
            case MONTHLY_WEEKDAY -> {
                DayOfWeek day = first.getDayOfWeek();
                int week = (first.getDayOfMonth() - 1) / 7 + 1;
                LocalDate month = first.withDayOfMonth(1).plusMonths(n);
                yield week >= 5 ? month.with(TemporalAdjusters.lastInMonth(day))
                        : month.with(TemporalAdjusters.dayOfWeekInMonth(week, day));
            }
            case MONTHLY_DATE -> {
                LocalDate month = first.withDayOfMonth(1).plusMonths(n);
                yield first.getDayOfMonth() <= month.lengthOfMonth() ? month.withDayOfMonth(first.getDayOfMonth()) : null;
            }
        };
    }
}
