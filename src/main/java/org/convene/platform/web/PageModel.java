package org.convene.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.convene.platform.i18n.Languages;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What every page's layout needs: the reader's language, its direction and the language switcher's links. */
@ControllerAdvice
class PageModel {

    public record LanguageLink(String code, String name, String href, boolean current) {
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return locale.getLanguage();
    }

    @ModelAttribute("dir")
    String dir(Locale locale) {
        return Languages.isRightToLeft(locale) ? "rtl" : "ltr";
    }

    @ModelAttribute("languageLinks")
    List<LanguageLink> languageLinks(HttpServletRequest request, Locale locale) {
        return Languages.SUPPORTED.stream()
                .map(code -> new LanguageLink(code, Languages.nativeName(code),
                        ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", code).build().toUriString(),
                        code.equals(locale.getLanguage())))
                .toList();
    }
}
