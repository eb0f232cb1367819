package org.convene.events.web;

import org.convene.events.internal.Registrants;

/** "Message all registrants": checked by {@link org.convene.events.internal.RegistrantMessages}, not here. */
public class MessageForm {

    private String subject;
    private String text;
    private Registrants.Audience audience = Registrants.Audience.ALL_ACTIVE;

    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Registrants.Audience getAudience() { return audience; }
    public void setAudience(Registrants.Audience audience) { this.audience = audience; }
}
