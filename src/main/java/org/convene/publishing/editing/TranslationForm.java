package org.convene.publishing.editing;

import org.convene.publishing.internal.Translation;

/** One language's text in the editor. */
public class TranslationForm {

    private String language;
    private String title = "";
    private String summary = "";
    private String body = "";
    private String translator = "";

    static TranslationForm of(Translation t) {
        TranslationForm form = new TranslationForm();
        form.language = t.language();
        form.title = t.title();
        form.summary = t.summary();
        form.body = t.body();
        form.translator = t.translator() == null ? "" : t.translator();
        return form;
    }

    PublicationEditing.Text toText() {
        return new PublicationEditing.Text(title, summary, body, translator);
    }

    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getBody() { return body; }
    public void setBody(String body) { this.body = body; }
    public String getTranslator() { return translator; }
    public void setTranslator(String translator) { this.translator = translator; }
}
