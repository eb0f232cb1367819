package org.convene.campaigns.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.convene.campaigns.internal.ActionType;
import org.convene.campaigns.internal.Campaign;
import org.convene.campaigns.internal.CampaignDraft;
import org.convene.campaigns.internal.CampaignStatus;
import org.convene.platform.i18n.TranslatedText;
import org.convene.platform.i18n.TranslatedTextForm;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The staff form of a campaign. Slogans are rows of translations that buttons add, remove and move
 * (a round trip to the server, so the form works without JavaScript); every action type has a row
 * that is suggested when ticked; hashtags and handles are one per line.
 */
public class CampaignForm {

    /** How many empty link rows each action type offers. */
    static final int BLANK_LINKS = 2;

    private TranslatedTextForm title = new TranslatedTextForm();
    private TranslatedTextForm call = new TranslatedTextForm();
    private TranslatedTextForm background = new TranslatedTextForm();
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate firstDay;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate lastDay;
    private String timeZone = "UTC";
    private CampaignStatus status = CampaignStatus.DRAFT;
    private List<TranslatedTextForm> slogans = new ArrayList<>();
    private List<ActionTypeForm> actionTypes = new ArrayList<>();
    private String hashtags = "";
    private String socialHandles = "";
    private String contactEmail;

    /** One action type: ticked when the campaign suggests it, with its guidance and links. */
    public static class ActionTypeForm {
        private ActionType type;
        private boolean chosen;
        private TranslatedTextForm guidance = new TranslatedTextForm();
        private List<LinkForm> links = new ArrayList<>();

        public ActionType getType() { return type; }
        public void setType(ActionType type) { this.type = type; }
        public boolean isChosen() { return chosen; }
        public void setChosen(boolean chosen) { this.chosen = chosen; }
        public TranslatedTextForm getGuidance() { return guidance; }
        public void setGuidance(TranslatedTextForm guidance) { this.guidance = guidance; }
        public List<LinkForm> getLinks() { return links; }
        public void setLinks(List<LinkForm> links) { this.links = links; }
    }

    public static class LinkForm {
        private String title;
        private String url;

        LinkForm() {
        }

        LinkForm(String title, String url) {
            this.title = title;
            this.url = url;
        }

        boolean isBlank() {
            return (title == null || title.isBlank()) && (url == null || url.isBlank());
        }

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
    }

    CampaignForm() {
    }

    static CampaignForm blank() {
        CampaignForm form = new CampaignForm();
        form.completeRows();
        return form;
    }

    static CampaignForm of(Campaign campaign) {
        CampaignForm form = new CampaignForm();
        form.title = TranslatedTextForm.of(campaign.title());
        form.call = TranslatedTextForm.of(campaign.call());
        form.background = TranslatedTextForm.of(campaign.background());
        form.firstDay = campaign.firstDay();
        form.lastDay = campaign.lastDay();
        form.timeZone = campaign.zone().getId();
        form.status = campaign.status();
        form.slogans = new ArrayList<>(campaign.slogans().stream().map(TranslatedTextForm::of).toList());
        for (Campaign.SuggestedAction action : campaign.actionTypes()) {
            ActionTypeForm row = new ActionTypeForm();
            row.type = action.type();
            row.chosen = true;
            row.guidance = TranslatedTextForm.of(action.guidance());
            row.links = new ArrayList<>(action.links().stream().map(l -> new LinkForm(l.title(), l.url())).toList());
            form.actionTypes.add(row);
        }
        form.hashtags = String.join("\n", campaign.hashtags().stream().map(h -> "#" + h).toList());
        form.socialHandles = String.join("\n", campaign.socialHandles());
        form.contactEmail = campaign.contactEmail();
        form.completeRows();
        return form;
    }

    /**
     * Makes the rows the form shows: one row per action type in the list's order (those not chosen
     * after the chosen ones), a few empty link rows each, and one empty slogan row at the end.
     */
    void completeRows() {
        List<ActionTypeForm> rows = new ArrayList<>();
        for (ActionTypeForm row : actionTypes) {
            if (row != null && row.type != null && rows.stream().noneMatch(r -> r.type == row.type)) {
                rows.add(row);
            }
        }
        Arrays.stream(ActionType.values()).filter(t -> rows.stream().noneMatch(r -> r.type == t)).forEach(t -> {
            ActionTypeForm row = new ActionTypeForm();
            row.type = t;
            rows.add(row);
        });
        for (ActionTypeForm row : rows) {
            row.links.removeIf(l -> l == null || l.isBlank());
            for (int i = 0; i < BLANK_LINKS; i++) {
                row.links.add(new LinkForm());
            }
        }
        actionTypes = rows;
        slogans.removeIf(s -> s == null || s.toText().isEmpty());
        slogans.add(new TranslatedTextForm());
    }

    /**
     * Carries out a slogan button: {@code add}, {@code remove-N}, {@code up-N} or {@code down-N}
     * (N counts from 0). Unknown commands change nothing.
     */
    void applySloganCommand(String command) {
        if (command == null) {
            return;
        }
        String[] parts = command.split("-", 2);
        if (parts[0].equals("add")) {
            slogans.add(new TranslatedTextForm());
            return;
        }
        int index;
        try {
            index = Integer.parseInt(parts.length > 1 ? parts[1] : "");
        } catch (NumberFormatException e) {
            return;
        }
        if (index < 0 || index >= slogans.size()) {
            return;
        }
        switch (parts[0]) {
            case "remove" -> slogans.remove(index);
            case "up" -> {
                if (index > 0) {
                    slogans.add(index - 1, slogans.remove(index));
                }
            }
            case "down" -> {
                if (index < slogans.size() - 1) {
                    slogans.add(index + 1, slogans.remove(index));
                }
            }
            default -> { }
        }
    }

    /** After a button that only changes rows: keep empty slogan rows the person asked for, add link rows. */
    void keepRowsForEditing() {
        List<TranslatedTextForm> kept = new ArrayList<>(slogans);
        completeRows();
        slogans = kept.isEmpty() ? new ArrayList<>(List.of(new TranslatedTextForm())) : kept;
    }

    CampaignDraft toDraft() {
        TranslatedText titleText = title.toText();
        String fallback = titleText.fallback();
        List<TranslatedText> sloganTexts = slogans.stream().filter(java.util.Objects::nonNull)
                .map(s -> new TranslatedText(fallback, s.getValues())).toList();
        List<Campaign.SuggestedAction> chosen = actionTypes.stream()
                .filter(r -> r != null && r.chosen && r.type != null)
                .map(r -> new Campaign.SuggestedAction(r.type, r.guidance.toText(),
                        r.links.stream().filter(l -> l != null && !l.isBlank())
                                .map(l -> new Campaign.ToolkitLink(strip(l.title), strip(l.url))).toList()))
                .toList();
        return new CampaignDraft(titleText, call.toText(), firstDay, lastDay, timeZone, status, background.toText(), sloganTexts,
                chosen, lines(hashtags), lines(socialHandles), contactEmail);
    }

    /** The index of an action type's row, for errors next to it. */
    int rowOf(ActionType type) {
        for (int i = 0; i < actionTypes.size(); i++) {
            if (actionTypes.get(i).type == type) {
                return i;
            }
        }
        return -1;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public TranslatedTextForm getTitle() { return title; }
    public void setTitle(TranslatedTextForm title) { this.title = title; }
    public TranslatedTextForm getCall() { return call; }
    public void setCall(TranslatedTextForm call) { this.call = call; }
    public TranslatedTextForm getBackground() { return background; }
    public void setBackground(TranslatedTextForm background) { this.background = background; }
    public LocalDate getFirstDay() { return firstDay; }
    public void setFirstDay(LocalDate firstDay) { this.firstDay = firstDay; }
    public LocalDate getLastDay() { return lastDay; }
    public void setLastDay(LocalDate lastDay) { this.lastDay = lastDay; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public CampaignStatus getStatus() { return status; }
    public void setStatus(CampaignStatus status) { this.status = status; }
    public List<TranslatedTextForm> getSlogans() { return slogans; }
    public void setSlogans(List<TranslatedTextForm> slogans) { this.slogans = slogans; }
    public List<ActionTypeForm> getActionTypes() { return actionTypes; }
    public void setActionTypes(List<ActionTypeForm> actionTypes) { this.actionTypes = actionTypes; }
    public String getHashtags() { return hashtags; }
    public void setHashtags(String hashtags) { this.hashtags = hashtags; }
    public String getSocialHandles() { return socialHandles; }
    public void setSocialHandles(String socialHandles) { this.socialHandles = socialHandles; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }

}
