package org.convene.campaigns.footage;

/** The upload form's fields (the files come as a separate part). */
public class FootageForm {

    private String caption = "";
    private String place = "";
    private String credit = "";
    private Long actionId;
    private String email = "";
    private boolean consent;

    Submission submission(String language) {
        return new Submission(caption, place, credit, actionId, email, consent, language);
    }

    public String getCaption() {
        return caption;
    }

    public void setCaption(String caption) {
        this.caption = caption;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getCredit() {
        return credit;
    }

    public void setCredit(String credit) {
        this.credit = credit;
    }

    public Long getActionId() {
        return actionId;
    }

    public void setActionId(Long actionId) {
        this.actionId = actionId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }
}
