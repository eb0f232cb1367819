package org.convene.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.util.List;
import org.convene.newsroom.internal.FeedAddresses;
import org.convene.newsroom.internal.RefusedFeedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The address rules of feed fetching, without any network: which URLs and addresses are refused. */
class FeedAddressesTest {

    private final FeedAddresses none = new FeedAddresses(List.of());

    private String refusal(String url) {
        RefusedFeedException refused = catchThrowableOfType(RefusedFeedException.class, () -> {
            var uri = none.checkUrl(url);
            none.resolve(uri.getHost() != null ? uri.getHost() : uri.getAuthority());
        });
        return refused == null ? null : refused.code();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/feed", "http://127.0.0.1:8080/feed", "http://localhost/feed", "http://LOCALHOST./feed",
            "http://169.254.169.254/latest/meta-data/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/",
            "http://[::127.0.0.1]/", "http://[::1]/", "http://[::]/", "http://0.0.0.0/", "http://10.1.2.3/",
            "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.1/", "http://100.64.0.1/", "http://100.127.255.254/",
            "http://169.254.1.1/", "http://224.0.0.1/", "http://239.255.255.250/", "http://255.255.255.255/", "http://240.0.0.1/",
            "http://192.0.2.1/", "http://198.51.100.7/", "http://203.0.113.9/", "http://198.18.0.1/", "http://198.19.255.1/",
            "http://192.0.0.170/", "http://[fc00::1]/", "http://[fd00::1]/", "http://[fd00:ec2::254]/", "http://[fe80::1]/",
            "http://[ff02::1]/", "http://[64:ff9b::7f00:1]/", "http://[64:ff9b::808:808]/", "http://[64:ff9b:1::1]/",
            "http://[2002:7f00:1::]/", "http://[2002:a9fe:a9fe::1]/", "http://[2002:c0a8:101::1]/", "http://[2001::1]/",
            "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://[2001:db8::1]/", "http://[::ffff:169.254.169.254]/",
            "http://[::ffff:10.0.0.1]/", "http://[::ffff:100.64.0.1]/"})
    void privateAndSpecialAddressesAreRefused(String url) {
        assertThat(refusal(url)).isEqualTo("forbiddenAddress");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/",
            "http://0x7f.0.0.1/", "http://127.0.0.01/", "http://017700000001/", "http://0/", "http://1.2.3.4.5/",
            "http://feeds.example.org.0x7f000001/"})
    void numericHostsInUnusualFormsAreRefusedOutright(String url) {
        assertThat(refusal(url)).isEqualTo("numericHost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://feeds.example.org/rss", "file:///etc/passwd", "gopher://127.0.0.1:70/", "javascript:alert(1)",
            "jar:http://example.org/a.jar!/feed.xml", "//feeds.example.org/rss", "feeds.example.org/rss"})
    void onlyHttpAndHttpsAreFetched(String url) {
        assertThat(refusal(url)).isEqualTo("scheme");
    }

    @Test
    void credentialsAndMissingHostsAreRefused() {
        assertThat(refusal("http://admin@feeds.example.org/rss")).isEqualTo("credentials");
        assertThat(refusal("http://feeds.example.org@127.0.0.1/rss")).isEqualTo("credentials");
        assertThat(refusal("http:///rss")).isEqualTo("host");
        assertThat(refusal("http://[fe80::1%25eth0]/")).isIn("host", "syntax");
        assertThat(refusal("http://exa mple.org/")).isEqualTo("syntax");
    }

    @Test
    void publicAddressesPass() throws Exception {
        assertThatCode(() -> none.resolve("8.8.8.8")).doesNotThrowAnyException();
        assertThatCode(() -> none.resolve("[2606:4700:4700::1111]")).doesNotThrowAnyException();
        // 6to4 of a public IPv4 address
        assertThatCode(() -> none.resolve("[2002:808:808::1]")).doesNotThrowAnyException();
        assertThat(none.checkUrl("https://feeds.example.org/rss?x=1").getHost()).isEqualTo("feeds.example.org");
        assertThat(none.checkUrl("http://93.184.215.14/feed").getHost()).isEqualTo("93.184.215.14");
        assertThat(FeedAddresses.isDenied(InetAddress.getByName("100.63.255.255"))).isFalse();
        assertThat(FeedAddresses.isDenied(InetAddress.getByName("100.128.0.0"))).isFalse();
        assertThat(FeedAddresses.isDenied(InetAddress.getByName("172.32.0.1"))).isFalse();
        assertThat(FeedAddresses.isDenied(InetAddress.getByName("1.1.1.1"))).isFalse();
    }

    @Test
    void mappedAddressesAreCheckedByTheirEmbeddedIpv4EvenAsRawBytes() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        // getByAddress turns a mapped address into an Inet4Address; Inet6Address.getByAddress keeps it IPv6
        assertThat(FeedAddresses.isDenied(java.net.Inet6Address.getByAddress(null, mapped, -1))).isTrue();
        byte[] compatible = mapped.clone();
        compatible[10] = 0;
        compatible[11] = 0;
        assertThat(FeedAddresses.isDenied(java.net.Inet6Address.getByAddress(null, compatible, -1))).isTrue();
        compatible[12] = 8;
        compatible[13] = 8;
        compatible[14] = 8;
        compatible[15] = 8;
        assertThat(FeedAddresses.isDenied(java.net.Inet6Address.getByAddress(null, compatible, -1))).isFalse();
    }

    @Test
    void anAdminMayAllowAHostAndOnlyThatHost() throws Exception {
        FeedAddresses allowing = new FeedAddresses(List.of("127.0.0.2"));
        assertThat(allowing.resolve("127.0.0.2")).hasSize(1);
        assertThat(catchThrowableOfType(RefusedFeedException.class, () -> allowing.resolve("127.0.0.1")).code())
                .isEqualTo("forbiddenAddress");
        assertThat(catchThrowableOfType(RefusedFeedException.class, () -> allowing.resolve("localhost")).code())
                .isEqualTo("forbiddenAddress");
    }
}
