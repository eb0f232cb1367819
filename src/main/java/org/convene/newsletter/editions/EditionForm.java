package org.convene.newsletter.editions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.convene.newsletter.internal.Segment;
import org.convene.platform.i18n.TranslatedTextForm;

/** The staff form for an edition's head: number, subject, introduction and segment. */
public class EditionForm {

    private Integer year;
    private Integer number;
    private TranslatedTextForm subject = new TranslatedTextForm();
    private TranslatedTextForm introduction = new TranslatedTextForm();
    private List<String> languages = new ArrayList<>();
    private List<Long> regionIds = new ArrayList<>();
    private String topics = "";
    private List<Long> organizationIds = new ArrayList<>();

    public static EditionForm of(Edition e) {
        EditionForm form = new EditionForm();
        form.year = e.year();
        form.number = e.number();
        form.subject = TranslatedTextForm.of(e.subject());
        form.introduction = TranslatedTextForm.of(e.introduction());
        form.languages = new ArrayList<>(e.segment().languages());
        form.regionIds = new ArrayList<>(e.segment().regionIds());
        form.topics = String.join(", ", e.segment().topics());
        form.organizationIds = new ArrayList<>(e.segment().organizationIds());
        return form;
    }

    public EditionDraft toDraft() {
        return new EditionDraft(year, number, subject.toText(), introduction.toText(), segment());
    }

    public Segment segment() {
        List<String> topicList = topics == null ? List.of()
                : Arrays.stream(topics.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        return new Segment(languages, regionIds, topicList, organizationIds);
    }

    public Integer getYear() { return year; }
    public void setYear(Integer year) { this.year = year; }
    public Integer getNumber() { return number; }
    public void setNumber(Integer number) { this.number = number; }
    public TranslatedTextForm getSubject() { return subject; }
    public void setSubject(TranslatedTextForm subject) { this.subject = subject; }
    public TranslatedTextForm getIntroduction() { return introduction; }
    public void setIntroduction(TranslatedTextForm introduction) { this.introduction = introduction; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(List<String> languages) { this.languages = languages == null ? new ArrayList<>() : languages; }
    public List<Long> getRegionIds() { return regionIds; }
    public void setRegionIds(List<Long> regionIds) { this.regionIds = regionIds == null ? new ArrayList<>() : regionIds; }
    public String getTopics() { return topics; }
    public void setTopics(String topics) { this.topics = topics; }
    public List<Long> getOrganizationIds() { return organizationIds; }
    public void setOrganizationIds(List<Long> organizationIds) { this.organizationIds = organizationIds == null ? new ArrayList<>() : organizationIds; }
}
