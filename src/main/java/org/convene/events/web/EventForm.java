package org.convene.events.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.convene.events.internal.Question;
import org.convene.events.internal.SeriesRule;
import org.convene.events.internal.Visibility;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.convene.events.internal.Event;
import org.convene.events.internal.EventDraft;
import org.convene.events.internal.EventFormat;
import org.convene.events.internal.EventStatus;
import org.convene.platform.i18n.Languages;
import org.convene.platform.i18n.TranslatedText;
import org.springframework.format.annotation.DateTimeFormat;

/** The staff form of an event. Times are wall-clock times in the event's own time zone. */
public class EventForm {

    private String language = Languages.DEFAULT;
    private Map<String, String> titles = new LinkedHashMap<>();
    private Map<String, String> descriptions = new LinkedHashMap<>();
    private Long organizationId;
    private EventFormat format = EventFormat.IN_PERSON;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime startsAt;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime endsAt;
    private String timeZone = "UTC";
    private String venueName;
    private String venueAddress;
    private String venueDirections;
    private String accessibility;
    private Integer capacity = 0;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime registrationOpensAt;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime registrationClosesAt;
    private EventStatus status = EventStatus.DRAFT;
    private List<Long> coOrganizerIds = new ArrayList<>();
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private LocalDateTime doorsOpenAt;
    private String practicalNotes;
    private Integer onlineCapacity;
    private boolean registrationRequired = true;
    private String cancellationMessage;
    private Long bodyId;
    private Visibility visibility = Visibility.PUBLIC;
    private List<QuestionForm> questions = new ArrayList<>();
    private SeriesRule repeat;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate repeatUntil;

    /** One custom question as the form shows it: labels and choices (one per line) per language. */
    public static class QuestionForm {
        private String key;
        private Question.Kind kind;
        private Map<String, String> labels = new LinkedHashMap<>();
        private Map<String, String> choices = new LinkedHashMap<>();
        private boolean required;

        static QuestionForm of(Question q) {
            QuestionForm form = new QuestionForm();
            form.key = q.key();
            form.kind = q.kind();
            form.labels = new LinkedHashMap<>(q.label().values());
            for (String language : Languages.SUPPORTED) {
                String lines = q.choices().stream().map(c -> c.values().getOrDefault(language, "")).collect(Collectors.joining("\n"));
                if (!lines.isBlank()) {
                    form.choices.put(language, lines);
                }
            }
            form.required = q.required();
            return form;
        }

        boolean isBlank() {
            return kind == null && labels.values().stream().allMatch(v -> v == null || v.isBlank());
        }

        Question toQuestion(String fallback, int position) {
            List<TranslatedText> options = new ArrayList<>();
            Map<String, String[]> lines = new LinkedHashMap<>();
            choices.forEach((language, text) -> lines.put(language, text == null ? new String[0] : text.strip().split("\\R")));
            int count = lines.values().stream().mapToInt(l -> l.length).max().orElse(0);
            for (int i = 0; i < count; i++) {
                Map<String, String> option = new LinkedHashMap<>();
                for (var entry : lines.entrySet()) {
                    if (i < entry.getValue().length && !entry.getValue()[i].isBlank()) {
                        option.put(entry.getKey(), entry.getValue()[i].strip());
                    }
                }
                options.add(new TranslatedText(fallback, option));
            }
            String cleanKey = key == null || key.isBlank() ? "q" + (position + 1) : key.strip();
            return new Question(cleanKey, kind, new TranslatedText(fallback, labels), kind == Question.Kind.CHOICE ? options : List.of(),
                    required);
        }

        public String getKey() { return key; }
        public void setKey(String key) { this.key = key; }
        public Question.Kind getKind() { return kind; }
        public void setKind(Question.Kind kind) { this.kind = kind; }
        public Map<String, String> getLabels() { return labels; }
        public void setLabels(Map<String, String> labels) { this.labels = labels; }
        public Map<String, String> getChoices() { return choices; }
        public void setChoices(Map<String, String> choices) { this.choices = choices; }
        public boolean isRequired() { return required; }
        public void setRequired(boolean required) { this.required = required; }
    }

    static EventForm of(Event event) {
        EventForm form = new EventForm();
        form.language = event.title().fallback();
        form.titles = new LinkedHashMap<>(event.title().values());
        form.descriptions = new LinkedHashMap<>(event.description().values());
        form.organizationId = event.organizationId();
        form.format = event.format();
        form.startsAt = local(event.startsAt(), event.zone());
        form.endsAt = local(event.endsAt(), event.zone());
        form.timeZone = event.zone().getId();
        form.venueName = event.venueName();
        form.venueAddress = event.venueAddress();
        form.venueDirections = event.venueDirections();
        form.accessibility = event.accessibility();
        form.capacity = event.capacity();
        form.registrationOpensAt = local(event.registrationOpensAt(), event.zone());
        form.registrationClosesAt = local(event.registrationClosesAt(), event.zone());
        form.status = event.status();
        form.coOrganizerIds = new ArrayList<>(event.coOrganizerIds());
        form.doorsOpenAt = local(event.doorsOpenAt(), event.zone());
        form.practicalNotes = event.practicalNotes();
        form.onlineCapacity = event.onlineCapacity();
        form.registrationRequired = event.registrationRequired();
        form.cancellationMessage = event.cancellationMessage();
        form.bodyId = event.bodyId();
        form.visibility = event.visibility();
        form.questions = event.questions().stream().map(QuestionForm::of).collect(Collectors.toCollection(ArrayList::new));
        return form;
    }

    /** The draft to check and save; times without a valid zone are left out (the zone gets its own error). */
    EventDraft toDraft() {
        ZoneId zone = zoneOrNull();
        String fallback = Languages.isSupported(language) ? language : Languages.DEFAULT;
        return new EventDraft(new TranslatedText(fallback, titles), new TranslatedText(fallback, descriptions), organizationId,
                format, instant(startsAt, zone), instant(endsAt, zone), timeZone, venueName, venueAddress, venueDirections,
                accessibility, capacity == null ? 0 : capacity, instant(registrationOpensAt, zone),
                instant(registrationClosesAt, zone), status, coOrganizerIds == null ? List.of() : coOrganizerIds.stream().filter(java.util.Objects::nonNull).distinct().toList(),
                instant(doorsOpenAt, zone), practicalNotes, onlineCapacity, registrationRequired, questionList(fallback),
                cancellationMessage, bodyId, visibility);
    }

    /** The questions filled in, in order; blank rows (the form always offers a few) are left out. */
    private List<Question> questionList(String fallback) {
        List<Question> list = new ArrayList<>();
        for (QuestionForm q : questions == null ? List.<QuestionForm>of() : questions) {
            if (q != null && !q.isBlank()) {
                list.add(q.toQuestion(fallback, list.size()));
            }
        }
        return list;
    }

    /** Blank question rows to fill in, after the existing ones. */
    void offerBlankQuestions(int blanks) {
        questions.removeIf(q -> q == null || q.isBlank());
        for (int i = 0; i < blanks; i++) {
            questions.add(new QuestionForm());
        }
    }

    private ZoneId zoneOrNull() {
        try {
            return timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone.strip());
        } catch (java.time.DateTimeException unknown) {
            return null;
        }
    }

    private static java.time.Instant instant(LocalDateTime time, ZoneId zone) {
        return time == null || zone == null ? null : time.atZone(zone).toInstant();
    }

    private static LocalDateTime local(java.time.Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toLocalDateTime();
    }

    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public Map<String, String> getTitles() { return titles; }
    public void setTitles(Map<String, String> titles) { this.titles = titles; }
    public Map<String, String> getDescriptions() { return descriptions; }
    public void setDescriptions(Map<String, String> descriptions) { this.descriptions = descriptions; }
    public Long getOrganizationId() { return organizationId; }
    public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
    public EventFormat getFormat() { return format; }
    public void setFormat(EventFormat format) { this.format = format; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getVenueName() { return venueName; }
    public void setVenueName(String venueName) { this.venueName = venueName; }
    public String getVenueAddress() { return venueAddress; }
    public void setVenueAddress(String venueAddress) { this.venueAddress = venueAddress; }
    public String getVenueDirections() { return venueDirections; }
    public void setVenueDirections(String venueDirections) { this.venueDirections = venueDirections; }
    public String getAccessibility() { return accessibility; }
    public void setAccessibility(String accessibility) { this.accessibility = accessibility; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public LocalDateTime getRegistrationOpensAt() { return registrationOpensAt; }
    public void setRegistrationOpensAt(LocalDateTime registrationOpensAt) { this.registrationOpensAt = registrationOpensAt; }
    public LocalDateTime getRegistrationClosesAt() { return registrationClosesAt; }
    public void setRegistrationClosesAt(LocalDateTime registrationClosesAt) { this.registrationClosesAt = registrationClosesAt; }
    public EventStatus getStatus() { return status; }
    public void setStatus(EventStatus status) { this.status = status; }
    public List<Long> getCoOrganizerIds() { return coOrganizerIds; }
    public void setCoOrganizerIds(List<Long> coOrganizerIds) { this.coOrganizerIds = coOrganizerIds; }
    public LocalDateTime getDoorsOpenAt() { return doorsOpenAt; }
    public void setDoorsOpenAt(LocalDateTime doorsOpenAt) { this.doorsOpenAt = doorsOpenAt; }
    public String getPracticalNotes() { return practicalNotes; }
    public void setPracticalNotes(String practicalNotes) { this.practicalNotes = practicalNotes; }
    public Integer getOnlineCapacity() { return onlineCapacity; }
    public void setOnlineCapacity(Integer onlineCapacity) { this.onlineCapacity = onlineCapacity; }
    public boolean isRegistrationRequired() { return registrationRequired; }
    public void setRegistrationRequired(boolean registrationRequired) { this.registrationRequired = registrationRequired; }
    public String getCancellationMessage() { return cancellationMessage; }
    public void setCancellationMessage(String cancellationMessage) { this.cancellationMessage = cancellationMessage; }
    public Long getBodyId() { return bodyId; }
    public void setBodyId(Long bodyId) { this.bodyId = bodyId; }
    public Visibility getVisibility() { return visibility; }
    public void setVisibility(Visibility visibility) { this.visibility = visibility; }
    public List<QuestionForm> getQuestions() { return questions; }
    public void setQuestions(List<QuestionForm> questions) { this.questions = questions; }
    public SeriesRule getRepeat() { return repeat; }
    public void setRepeat(SeriesRule repeat) { this.repeat = repeat; }
    public LocalDate getRepeatUntil() { return repeatUntil; }
    public void setRepeatUntil(LocalDate repeatUntil) { this.repeatUntil = repeatUntil; }
}
