package org.convene.campaigns.actions;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.convene.campaigns.internal.ActionType;
import org.convene.platform.web.InvalidInputException;
import org.convene.platform.web.InvalidInputException.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form of a local action (staff) or a proposal (supporters). Latitude and longitude are text so
 * that a typo is answered next to its field rather than as a binding error.
 */
public class ActionForm {

    private ActionType type;
    private String title;
    private String description;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime startsAt;
    private String timeZone;
    private String city;
    private String country;
    private String address;
    private boolean addressPublic;
    private String latitude;
    private String longitude;
    private Long organizationId;
    private String contactName;
    private String contactEmail;
    private LocalAction.Visibility visibility = LocalAction.Visibility.PUBLIC;

    static ActionForm of(LocalAction action) {
        ActionForm form = new ActionForm();
        form.type = action.type();
        form.title = action.title();
        form.description = action.description();
        form.startsAt = action.startsAt().atZone(action.zone()).toLocalDateTime();
        form.timeZone = action.zone().getId();
        form.city = action.city();
        form.country = action.country();
        form.address = action.address();
        form.addressPublic = action.addressPublic();
        if (action.precision() == LocalAction.PositionPrecision.EXACT && action.latitude() != null) {
            form.latitude = String.valueOf(action.latitude());
            form.longitude = String.valueOf(action.longitude());
        }
        form.organizationId = action.organizationId();
        form.contactName = action.contactName();
        form.contactEmail = action.contactEmail();
        form.visibility = action.visibility();
        return form;
    }

    ActionDraft toDraft(String language) {
        List<FieldProblem> problems = new ArrayList<>();
        Double lat = degrees(latitude, "latitude", problems);
        Double lon = degrees(longitude, "longitude", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ActionDraft(type, title, description, startsAt, timeZone, city, country, address, addressPublic, lat, lon,
                organizationId, contactName, contactEmail, visibility, language);
    }

    private static Double degrees(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "campaigns.actions.error." + field, "Enter a number of degrees."));
            return null;
        }
    }

    public ActionType getType() { return type; }
    public void setType(ActionType type) { this.type = type; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public boolean isAddressPublic() { return addressPublic; }
    public void setAddressPublic(boolean addressPublic) { this.addressPublic = addressPublic; }
    public String getLatitude() { return latitude; }
    public void setLatitude(String latitude) { this.latitude = latitude; }
    public String getLongitude() { return longitude; }
    public void setLongitude(String longitude) { this.longitude = longitude; }
    public Long getOrganizationId() { return organizationId; }
    public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public LocalAction.Visibility getVisibility() { return visibility; }
    public void setVisibility(LocalAction.Visibility visibility) { this.visibility = visibility; }
}
