package org.convene.events.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventDraft;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.EventStatus;
import org.convene.platform.i18n.Languages;
import org.convene.platform.i18n.TranslatedText;
import org.springframework.format.annotation.DateTimeFormat;

/** The staff form of an event. Times are wall-clock times in the event's own time zone. */
public class EventForm {

    private String language = Languages.DEFAULT;
    private Map<String, String> titles = new LinkedHashMap<>();
    private Map<String, String> descriptions = new LinkedHashMap<>();
    private Long organizationId;
    private EventFormat format = EventFormat.IN_PERSON;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime startsAt;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime endsAt;
    private String timeZone = "UTC";
    private String venueName;
    private String venueAddress;
    private String venueDirections;
    private String accessibility;
    private Integer capacity = 0;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime registrationOpensAt;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime registrationClosesAt;
    private EventStatus status = EventStatus.DRAFT;

    static EventForm of(Event event) {
        EventForm form = new EventForm();
        form.language = event.title().fallback();
        form.titles = new LinkedHashMap<>(event.title().values());
        form.descriptions = new LinkedHashMap<>(event.description().values());
        form.organizationId = event.organizationId();
        form.format = event.format();
        form.startsAt = local(event.startsAt(), event.zone());
        form.endsAt = local(event.endsAt(), event.zone());
        form.timeZone = event.zone().getId();
        form.venueName = event.venueName();
        form.venueAddress = event.venueAddress();
        form.venueDirections = event.venueDirections();
        form.accessibility = event.accessibility();
        form.capacity = event.capacity();
        form.registrationOpensAt = local(event.registrationOpensAt(), event.zone());
        form.registrationClosesAt = local(event.registrationClosesAt(), event.zone());
        form.status = event.status();
        return form;
    }

    /** The draft to check and save; times without a valid zone are left out (the zone gets its own error). */
    EventDraft toDraft() {
        ZoneId zone = zoneOrNull();
        String fallback = Languages.isSupported(language) ? language : Languages.DEFAULT;
        return new EventDraft(new TranslatedText(fallback, titles), new TranslatedText(fallback, descriptions), organizationId,
                format, instant(startsAt, zone), instant(endsAt, zone), timeZone, venueName, venueAddress, venueDirections,
                accessibility, capacity == null ? 0 : capacity, instant(registrationOpensAt, zone),
                instant(registrationClosesAt, zone), status);
    }

    private ZoneId zoneOrNull() {
        try {
            return timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone.strip());
        } catch (java.time.DateTimeException unknown) {
            return null;
        }
    }

    private static java.time.Instant instant(LocalDateTime time, ZoneId zone) {
        return time == null || zone == null ? null : time.atZone(zone).toInstant();
    }

    private static LocalDateTime local(java.time.Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toLocalDateTime();
    }

    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public Map<String, String> getTitles() { return titles; }
    public void setTitles(Map<String, String> titles) { this.titles = titles; }
    public Map<String, String> getDescriptions() { return descriptions; }
    public void setDescriptions(Map<String, String> descriptions) { this.descriptions = descriptions; }
    public Long getOrganizationId() { return organizationId; }
    public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
    public EventFormat getFormat() { return format; }
    public void setFormat(EventFormat format) { this.format = format; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getVenueName() { return venueName; }
    public void setVenueName(String venueName) { this.venueName = venueName; }
    public String getVenueAddress() { return venueAddress; }
    public void setVenueAddress(String venueAddress) { this.venueAddress = venueAddress; }
    public String getVenueDirections() { return venueDirections; }
    public void setVenueDirections(String venueDirections) { this.venueDirections = venueDirections; }
    public String getAccessibility() { return accessibility; }
    public void setAccessibility(String accessibility) { this.accessibility = accessibility; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public LocalDateTime getRegistrationOpensAt() { return registrationOpensAt; }
    public void setRegistrationOpensAt(LocalDateTime registrationOpensAt) { this.registrationOpensAt = registrationOpensAt; }
    public LocalDateTime getRegistrationClosesAt() { return registrationClosesAt; }
    public void setRegistrationClosesAt(LocalDateTime registrationClosesAt) { this.registrationClosesAt = registrationClosesAt; }
    public EventStatus getStatus() { return status; }
    public void setStatus(EventStatus status) { this.status = status; }
}
