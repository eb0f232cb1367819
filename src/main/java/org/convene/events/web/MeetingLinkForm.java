package org.convene.events.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.convene.events.internal.MeetingLink;
import org.springframework.format.annotation.DateTimeFormat;

/** A meeting room to add on the staff page; the window in the event's time zone, empty for the defaults. */
public class MeetingLinkForm {

    private String url;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime validFrom;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime validUntil;

    MeetingLink.Draft toDraft(ZoneId zone) {
        return new MeetingLink.Draft(url, validFrom == null ? null : validFrom.atZone(zone).toInstant(),
                validUntil == null ? null : validUntil.atZone(zone).toInstant());
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public LocalDateTime getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDateTime validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDateTime getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDateTime validUntil) {
        this.validUntil = validUntil;
    }
}
