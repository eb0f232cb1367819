package org.convene.publishing.signon;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;

/** The staff settings of a statement's sign-on; the deadline is a local date and time in the chosen time zone. */
public class SignOnSettingsForm {

    private boolean open;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime closesAt;
    private String timeZone = "UTC";
    private boolean individualsAllowed;

    static SignOnSettingsForm of(SignOnSettings settings) {
        SignOnSettingsForm form = new SignOnSettingsForm();
        form.open = settings.open();
        form.closesAt = settings.closesAt() == null ? null : LocalDateTime.ofInstant(settings.closesAt(), settings.timeZone());
        form.timeZone = settings.timeZone().getId();
        form.individualsAllowed = settings.individualsAllowed();
        return form;
    }

    /** The deadline as an instant (null: none); the zone is checked by the service first. */
    Instant closesAtInstant() {
        return closesAt == null ? null : closesAt.atZone(ZoneId.of(timeZone)).toInstant();
    }

    public boolean isOpen() { return open; }
    public void setOpen(boolean open) { this.open = open; }
    public LocalDateTime getClosesAt() { return closesAt; }
    public void setClosesAt(LocalDateTime closesAt) { this.closesAt = closesAt; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public boolean isIndividualsAllowed() { return individualsAllowed; }
    public void setIndividualsAllowed(boolean individualsAllowed) { this.individualsAllowed = individualsAllowed; }
}
