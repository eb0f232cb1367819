package org.convene.publishing.editing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convene.publishing.internal.Publication;
import org.convene.publishing.internal.PublicationDraft;
import org.convene.publishing.internal.PublicationKind;
import org.convene.publishing.internal.PublicationStatus;
import org.convene.publishing.internal.Signatory;
import org.springframework.format.annotation.DateTimeFormat;

/** The editor's form: the original text (when creating) and the publication's details. */
public class PublicationForm {

    /** A signatory row of the form; rows left blank are dropped. */
    public static class SignatoryRow {
        private String name = "";
        private String role = "";

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
    }

    private PublicationKind kind = PublicationKind.STATEMENT;
    private String language = "en";
    private String title = "";
    private String summary = "";
    private String body = "";
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dated = LocalDate.now();
    private String tags = "";
    private List<Long> organizationIds = new ArrayList<>();
    private Long campaignId;
    private Long eventId;
    private String category;
    private Long regionId;
    private String country;
    private List<SignatoryRow> signatories = new ArrayList<>();

    static PublicationForm of(Publication p, List<Signatory> signatories) {
        PublicationForm form = new PublicationForm();
        form.kind = p.kind();
        form.language = p.originalLanguage();
        form.dated = p.dated();
        form.tags = String.join(", ", p.tags());
        form.organizationIds = new ArrayList<>(p.organizationIds());
        form.campaignId = p.campaignId();
        form.eventId = p.eventId();
        form.category = p.category();
        form.regionId = p.regionId();
        form.country = p.country();
        for (Signatory s : signatories) {
            SignatoryRow row = new SignatoryRow();
            row.setName(s.name());
            row.setRole(s.role());
            form.signatories.add(row);
        }
        return form;
    }

    PublicationDraft toDraft() {
        return new PublicationDraft(kind, language, title, summary, body, dated, PublicationStatus.DRAFT, null, tagList(),
                organizationIds);
    }

    PublicationEditing.Details toDetails() {
        return new PublicationEditing.Details(dated, tagList(), organizationIds, campaignId, eventId,
                kind == PublicationKind.NEWS ? category : null, kind == PublicationKind.NEWS ? regionId : null,
                kind == PublicationKind.NEWS ? country : null,
                signatories.stream().map(r -> new Signatory(r.getName(), r.getRole())).toList());
    }

    private List<String> tagList() {
        return tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** Always one blank row at the end, to add a signatory without JavaScript. */
    void offerBlankSignatory() {
        signatories.removeIf(r -> (r.getName() == null || r.getName().isBlank()) && (r.getRole() == null || r.getRole().isBlank()));
        signatories.add(new SignatoryRow());
    }

    public PublicationKind getKind() { return kind; }
    public void setKind(PublicationKind kind) { this.kind = kind; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public LocalDate getDated() { return dated; }
    public void setDated(LocalDate dated) { this.dated = dated; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public List<Long> getOrganizationIds() { return organizationIds; }
    public void setOrganizationIds(List<Long> organizationIds) { this.organizationIds = organizationIds == null ? new ArrayList<>() : organizationIds; }
    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public Long getEventId() { return eventId; }
    public void setEventId(Long eventId) { this.eventId = eventId; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public Long getRegionId() { return regionId; }
    public void setRegionId(Long regionId) { this.regionId = regionId; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public List<SignatoryRow> getSignatories() { return signatories; }
    public void setSignatories(List<SignatoryRow> signatories) { this.signatories = signatories == null ? new ArrayList<>() : signatories; }
}
