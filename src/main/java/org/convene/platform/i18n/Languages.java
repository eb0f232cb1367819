package org.convene.platform.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The languages Convene's interface speaks. Content may be translated into any of them. */
public final class Languages {

    public static final String DEFAULT = "en";
    public static final List<String> SUPPORTED = List.of("en", "es", "fr", "pt", "id", "ar");
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar");

    private Languages() {
    }

    public static boolean isSupported(String code) {
        return code != null && SUPPORTED.contains(code);
    }

    public static boolean isRightToLeft(Locale locale) {
        return RIGHT_TO_LEFT.contains(locale.getLanguage());
    }

    /** The language's own name, as a reader of that language would look for it in a switcher. */
    public static String nativeName(String code) {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayLanguage(locale);
        return name.isEmpty() ? code : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
