package org.convene.platform.i18n;

import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The languages the side-by-side translation editor ({@code fragments/translations :: editor}) offers. */
@ControllerAdvice
class TranslationEditorModel {

    /** One column of the editor: the language's code, its own name and its writing direction. */
    public record EditorLanguage(String code, String nativeName, String dir) {
    }

    private static final List<EditorLanguage> LANGUAGES = Languages.SUPPORTED.stream()
            .map(code -> new EditorLanguage(code, Languages.nativeName(code),
                    Languages.isRightToLeft(java.util.Locale.forLanguageTag(code)) ? "rtl" : "ltr"))
            .toList();

    @ModelAttribute("translationLanguages")
    List<EditorLanguage> translationLanguages() {
        return LANGUAGES;
    }
}
