package org.convene.newsroom.web;

import java.util.Arrays;
import java.util.List;
import org.convene.newsroom.internal.Outlet;

/** The staff form of a partner outlet; languages are ISO 639-1 codes separated by commas or spaces. */
public class OutletForm {

    private String name;
    private String country;
    private String languages;
    private String website;
    private String feedUrl;
    private boolean active = true;
    private Integer pollIntervalMinutes;

    static OutletForm of(Outlet outlet) {
        OutletForm form = new OutletForm();
        form.name = outlet.name();
        form.country = outlet.country();
        form.languages = String.join(", ", outlet.languages());
        form.website = outlet.website();
        form.feedUrl = outlet.feedUrl();
        form.active = outlet.active();
        form.pollIntervalMinutes = outlet.pollIntervalMinutes();
        return form;
    }

    Outlet.Draft toDraft() {
        List<String> codes = languages == null ? List.of()
                : Arrays.stream(languages.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
        return new Outlet.Draft(name, country, codes, website, feedUrl, active, pollIntervalMinutes);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getLanguages() { return languages; }
    public void setLanguages(String languages) { this.languages = languages; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getFeedUrl() { return feedUrl; }
    public void setFeedUrl(String feedUrl) { this.feedUrl = feedUrl; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Integer getPollIntervalMinutes() { return pollIntervalMinutes; }
    public void setPollIntervalMinutes(Integer pollIntervalMinutes) { this.pollIntervalMinutes = pollIntervalMinutes; }
}
