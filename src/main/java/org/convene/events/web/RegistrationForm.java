package org.convene.events.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.convene.events.internal.Attendance;

/** The registration form on the event page. Checked by the registration service, not here. */
public class RegistrationForm {

    private String name;
    private String email;
    private Attendance attendance;
    /** The referring member organization's number, carried from {@code ?via=}; checked again on submit. */
    private String referral;
    private boolean referralConsent;
    /** Answers to the event's custom questions by question key (a choice: the option's number). */
    private Map<String, String> answers = new LinkedHashMap<>();

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Attendance getAttendance() { return attendance; }
    public void setAttendance(Attendance attendance) { this.attendance = attendance; }
    public String getReferral() { return referral; }
    public void setReferral(String referral) { this.referral = referral; }
    public boolean isReferralConsent() { return referralConsent; }
    public void setReferralConsent(boolean referralConsent) { this.referralConsent = referralConsent; }
    public Map<String, String> getAnswers() { return answers; }
    public void setAnswers(Map<String, String> answers) { this.answers = answers; }
}
