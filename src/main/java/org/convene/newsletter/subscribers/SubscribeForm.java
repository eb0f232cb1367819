package org.convene.newsletter.subscribers;

import java.util.ArrayList;
import java.util.List;

/** The subscribe form; {@code page} is the path of the page the form was on (recorded with the consent). */
public class SubscribeForm {

    private String email = "";
    private String name = "";
    private String language;
    private Long regionId;
    private List<String> topics = new ArrayList<>();
    private Long organizationId;
    private String page;

    Subscriptions.Request toRequest() {
        return new Subscriptions.Request(email, name, language, regionId, topics, organizationId);
    }

    /** {@code form:} and the page's path (only a plain path is kept). */
    String source() {
        String path = page != null && page.matches("/[A-Za-z0-9/._~%-]{0,200}") ? page : "/newsletter";
        return "form:" + path;
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public Long getRegionId() { return regionId; }
    public void setRegionId(Long regionId) { this.regionId = regionId; }
    public List<String> getTopics() { return topics; }
    public void setTopics(List<String> topics) { this.topics = topics == null ? new ArrayList<>() : topics; }
    public Long getOrganizationId() { return organizationId; }
    public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
    public String getPage() { return page; }
    public void setPage(String page) { this.page = page; }
}
