package org.convene.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie: HttpOnly and SameSite=Lax always; behind HTTPS it is also Secure and carries
 * the {@code __Host-} prefix (bound to this exact host, path /). Over plain HTTP (a laptop, a test)
 * a browser would drop a {@code __Host-} cookie, so there it goes by a plain name.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookies {

    static final String SECURE_NAME = "__Host-convene-session";
    static final String PLAIN_NAME = "convene-session";

    @Bean
    CookieSerializer cookieSerializer() {
        DefaultCookieSerializer secure = serializer(SECURE_NAME, true);
        DefaultCookieSerializer plain = serializer(PLAIN_NAME, false);
        return new CookieSerializer() {
            @Override
            public void writeCookieValue(CookieValue value) {
                (value.getRequest().isSecure() ? secure : plain).writeCookieValue(value);
            }

            @Override
            public List<String> readCookieValues(HttpServletRequest request) {
                return (request.isSecure() ? secure : plain).readCookieValues(request);
            }
        };
    }

    private static DefaultCookieSerializer serializer(String name, boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(name);
        serializer.setCookiePath("/");
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(secure);
        serializer.setUseBase64Encoding(true);
        return serializer;
    }
}
