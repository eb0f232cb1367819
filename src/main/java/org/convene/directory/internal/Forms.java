package org.convene.directory.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.convene.platform.i18n.TranslatedTextForm;
import org.springframework.format.annotation.DateTimeFormat;

/** What the admin pages and the API accept. Each binds from a form and from JSON alike. */
public final class Forms {

    private Forms() {
    }

    public static class OrganizationForm {
        @NotBlank @Size(max = 200)
        private String name;
        @Size(max = 50)
        private String shortName;
        @NotBlank @Size(max = 2)
        private String country;
        private Long regionId;
        private List<String> languages = new ArrayList<>();
        @Size(max = 300)
        private String website;
        @Size(max = 1000)
        private String socialHandles;
        @Valid
        private TranslatedTextForm description = new TranslatedTextForm();
        /** ACTIVE or SUSPENDED; left out, the organization keeps its status (new ones are active). */
        private String status;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate joinedOn;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getShortName() { return shortName; }
        public void setShortName(String shortName) { this.shortName = shortName; }
        public String getCountry() { return country; }
        public void setCountry(String country) { this.country = country; }
        public Long getRegionId() { return regionId; }
        public void setRegionId(Long regionId) { this.regionId = regionId; }
        public List<String> getLanguages() { return languages; }
        public void setLanguages(List<String> languages) { this.languages = languages == null ? new ArrayList<>() : languages; }
        public String getWebsite() { return website; }
        public void setWebsite(String website) { this.website = website; }
        public String getSocialHandles() { return socialHandles; }
        public void setSocialHandles(String socialHandles) { this.socialHandles = socialHandles; }
        public TranslatedTextForm getDescription() { return description; }
        public void setDescription(TranslatedTextForm description) { this.description = description == null ? new TranslatedTextForm() : description; }
        public String getStatus() { return status; }
        public void setStatus(String status) { this.status = status; }
        public LocalDate getJoinedOn() { return joinedOn; }
        public void setJoinedOn(LocalDate joinedOn) { this.joinedOn = joinedOn; }
    }

    public static class NetworkForm {
        @NotBlank @Size(max = 200)
        private String name;
        @Valid
        private TranslatedTextForm description = new TranslatedTextForm();
        @Email @Size(max = 254)
        private String contactEmail;
        @Size(max = 300)
        private String website;
        @Size(max = 1000)
        private String socialHandles;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public TranslatedTextForm getDescription() { return description; }
        public void setDescription(TranslatedTextForm description) { this.description = description == null ? new TranslatedTextForm() : description; }
        public String getContactEmail() { return contactEmail; }
        public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
        public String getWebsite() { return website; }
        public void setWebsite(String website) { this.website = website; }
        public String getSocialHandles() { return socialHandles; }
        public void setSocialHandles(String socialHandles) { this.socialHandles = socialHandles; }
    }

    public static class RegionForm {
        @Valid
        private TranslatedTextForm name = new TranslatedTextForm();
        @Min(0) @Max(10000)
        private int sortOrder;
        private boolean active = true;

        public TranslatedTextForm getName() { return name; }
        public void setName(TranslatedTextForm name) { this.name = name == null ? new TranslatedTextForm() : name; }
        public int getSortOrder() { return sortOrder; }
        public void setSortOrder(int sortOrder) { this.sortOrder = sortOrder; }
        public boolean isActive() { return active; }
        public void setActive(boolean active) { this.active = active; }
    }

    public static class BodyForm {
        @NotBlank @Size(max = 200)
        private String name;
        @Valid
        private TranslatedTextForm description = new TranslatedTextForm();
        private boolean active = true;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public TranslatedTextForm getDescription() { return description; }
        public void setDescription(TranslatedTextForm description) { this.description = description == null ? new TranslatedTextForm() : description; }
        public boolean isActive() { return active; }
        public void setActive(boolean active) { this.active = active; }
    }

    public static class MemberForm {
        @NotNull
        private Long organizationId;
        @NotBlank
        private String role = "MEMBER";

        public Long getOrganizationId() { return organizationId; }
        public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
        public String getRole() { return role; }
        public void setRole(String role) { this.role = role; }
    }

    public static class ProjectForm {
        @NotBlank @Size(max = 200)
        private String name;
        @Valid
        private TranslatedTextForm description = new TranslatedTextForm();
        @Size(max = 300)
        private String website;
        private List<Long> organizationIds = new ArrayList<>();
        private boolean active = true;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public TranslatedTextForm getDescription() { return description; }
        public void setDescription(TranslatedTextForm description) { this.description = description == null ? new TranslatedTextForm() : description; }
        public String getWebsite() { return website; }
        public void setWebsite(String website) { this.website = website; }
        public List<Long> getOrganizationIds() { return organizationIds; }
        public void setOrganizationIds(List<Long> organizationIds) { this.organizationIds = organizationIds == null ? new ArrayList<>() : organizationIds; }
        public boolean isActive() { return active; }
        public void setActive(boolean active) { this.active = active; }
    }
}
