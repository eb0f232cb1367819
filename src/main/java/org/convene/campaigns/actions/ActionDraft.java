package org.convene.campaigns.actions;

import java.time.LocalDateTime;
import org.convene.campaigns.internal.ActionType;

/**
 * A local action as staff or a proposer enter it. The start is a wall-clock time in the action's own
 * time zone; latitude and longitude come together or not at all (then the country's centre is used).
 */
public record ActionDraft(ActionType type, String title, String description, LocalDateTime startsAt, String timeZone,
                          String city, String country, String address, boolean addressPublic, Double latitude, Double longitude,
                          Long organizationId, String contactName, String contactEmail, LocalAction.Visibility visibility,
                          String language) {
}
