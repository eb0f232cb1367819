package org.convene.newsletter.subscribers;

import java.util.ArrayList;
import java.util.List;

/** The preferences a subscriber changes by their signed link. */
public class PreferencesForm {

    private String language;
    private Long regionId;
    private List<String> topics = new ArrayList<>();

    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public Long getRegionId() { return regionId; }
    public void setRegionId(Long regionId) { this.regionId = regionId; }
    public List<String> getTopics() { return topics; }
    public void setTopics(List<String> topics) { this.topics = topics == null ? new ArrayList<>() : topics; }
}
