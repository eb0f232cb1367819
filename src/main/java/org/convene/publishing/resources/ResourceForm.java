package org.convene.publishing.resources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convene.platform.i18n.TranslatedTextForm;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** The staff form of a resource: a file or a link, title and description in several languages. */
public class ResourceForm {

    private TranslatedTextForm title = new TranslatedTextForm();
    private TranslatedTextForm description = new TranslatedTextForm();
    private List<String> languages = new ArrayList<>();
    private String tags = "";
    private Long campaignId;
    private Long organizationId;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate publishedOn = LocalDate.now();
    private ResourceStatus status = ResourceStatus.DRAFT;
    private String url;
    private MultipartFile file;

    static ResourceForm of(Resource r) {
        ResourceForm form = new ResourceForm();
        form.title = TranslatedTextForm.of(r.title());
        form.description = TranslatedTextForm.of(r.description());
        form.languages = new ArrayList<>(r.languages());
        form.tags = String.join(", ", r.tags());
        form.campaignId = r.campaignId();
        form.organizationId = r.organizationId();
        form.publishedOn = r.publishedOn();
        form.status = r.status();
        form.url = r.url();
        return form;
    }

    ResourceDraft toDraft() throws java.io.IOException {
        ResourceDraft.Upload upload = file == null || file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())
                ? null : new ResourceDraft.Upload(file.getInputStream(), file.getSize());
        return new ResourceDraft(title.toText(), description.toText(), languages,
                tags == null ? List.of() : Arrays.asList(tags.split(",")), campaignId, organizationId, publishedOn, status, url, upload);
    }

    public TranslatedTextForm getTitle() { return title; }
    public void setTitle(TranslatedTextForm title) { this.title = title; }
    public TranslatedTextForm getDescription() { return description; }
    public void setDescription(TranslatedTextForm description) { this.description = description; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages == null ? new ArrayList<>() : languages; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public Long getCampaignId() { return campaignId; }
    public void setCampaignId(Long campaignId) { this.campaignId = campaignId; }
    public Long getOrganizationId() { return organizationId; }
    public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
    public LocalDate getPublishedOn() { return publishedOn; }
    public void setPublishedOn(LocalDate publishedOn) { this.publishedOn = publishedOn; }
    public ResourceStatus getStatus() { return status; }
    public void setStatus(ResourceStatus status) { this.status = status; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public MultipartFile getFile() { return file; }
    public void setFile(MultipartFile file) { this.file = file; }
}
