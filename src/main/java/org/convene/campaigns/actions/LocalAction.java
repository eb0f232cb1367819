package org.convene.campaigns.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.convene.campaigns.internal.ActionType;

/**
 * A local action as stored. The contact and, unless {@code addressPublic}, the address are for
 * staff only; {@link #publicLatitude()} and {@link #publicLongitude()} are what the public sees.
 */
public record LocalAction(long id, long campaignId, Long organizationId, ActionType type, String title, String description,
                          Instant startsAt, ZoneId zone, String city, String country, String address, boolean addressPublic,
                          Double latitude, Double longitude, PositionPrecision precision, String contactName, String contactEmail,
                          Visibility visibility, Status status, boolean confirmed, String proposerEmail, String language) {

    public enum Status { PROPOSED, PUBLISHED, REJECTED, WITHDRAWN }

    public enum Visibility { PUBLIC, STAFF }

    /** EXACT: picked on the map or typed; COUNTRY: the country's centre, as only the country is known. */
    public enum PositionPrecision { EXACT, CITY, COUNTRY }

    public boolean isPublic() {
        return status == Status.PUBLISHED && visibility == Visibility.PUBLIC;
    }

    public LocalDate localDay() {
        return startsAt.atZone(zone).toLocalDate();
    }

    /** The address when its organizer made it public, else null. */
    public String publicAddress() {
        return addressPublic ? address : null;
    }

    public Double publicLatitude() {
        return blur(latitude);
    }

    public Double publicLongitude() {
        return blur(longitude);
    }

    /**
     * A hidden address must not show through an exact map position: the public sees it rounded to two
     * decimals (about a kilometre) unless the address is public.
     */
    private Double blur(Double degrees) {
        if (degrees == null) {
            return null;
        }
        return addressPublic ? degrees : roundPublic(degrees);
    }

    static double roundPublic(double degrees) {
        return Math.round(degrees * 100) / 100.0;
    }
}
