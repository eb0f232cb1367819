package org.convene.newsroom.internal;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which feed addresses the newsroom may fetch: http and https only, to public addresses only.
 * {@link #checkUrl} looks at the URL alone (no lookup); {@link #resolve} looks the host up once and
 * refuses it if any of its addresses is in the deny-list, unless an admin allowed the host. The
 * fetcher connects to exactly the addresses {@link #resolve} returned.
 */
public final class FeedAddresses {

    /** Special-purpose IPv4 ranges (RFC 6890 and the IANA registry) never fetched. */
    static final List<IPAddress> DENIED_V4 = ranges(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    /**
     * Special-purpose IPv6 ranges never fetched. IPv4-mapped, IPv4-compatible and 6to4 addresses are
     * checked by their embedded IPv4 address instead; NAT64 and Teredo (in 2001::/23) are refused outright.
     */
    static final List<IPAddress> DENIED_V6 = ranges(
            "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
            "3fff::/20", "5f00::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8");

    private static final IPAddress MAPPED = range("::ffff:0:0/96");
    private static final IPAddress COMPATIBLE = range("::/96");
    private static final IPAddress SIX_TO_FOUR = range("2002::/16");

    private static final Pattern NUMERIC_LABEL = Pattern.compile("(?i)[0-9]+|0x[0-9a-f]*");
    private static final Pattern CANONICAL_V4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern HOST_NAME = Pattern.compile("(?i)[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)*");

    private final Set<String> allowedHosts;

    public FeedAddresses(Collection<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(h -> normalize(h.strip())).collect(Collectors.toUnmodifiableSet());
    }

    /** The URL, if it is an absolute http(s) URL without credentials whose host is a name or a canonical address. */
    public URI checkUrl(String url) throws RefusedFeedException {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedFeedException("syntax", "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedFeedException("scheme", scheme.isEmpty() ? "no scheme" : scheme + ":");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedFeedException("credentials", "user name in the URL");
        }
        String host = host(uri);
        if (host.isEmpty()) {
            throw new RefusedFeedException("host", "no host");
        }
        if (host.startsWith("[")) {
            if (host.contains("%")) {
                throw new RefusedFeedException("host", host);
            }
            return uri;
        }
        String[] labels = host.split("\\.");
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches() && !CANONICAL_V4.matcher(host).matches()) {
            // 2130706433, 0x7f000001, 0177.0.0.1, 127.1: the OS reads them as addresses; we refuse them
            throw new RefusedFeedException("numericHost", host);
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw new RefusedFeedException("host", host);
        }
        return uri;
    }

    /** The host of a URL as written (IPv6 in brackets), lower case, without a trailing dot; empty if none. */
    static String host(URI uri) {
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null) {
            // java.net.URI leaves the host out when it is not a valid name (e.g. 2130706433)
            String authority = uri.getRawAuthority();
            authority = authority.substring(authority.lastIndexOf('@') + 1);
            host = authority.startsWith("[") ? authority.substring(0, authority.indexOf(']') + 1)
                    : authority.replaceFirst(":[0-9]*$", "");
        }
        return host == null ? "" : normalize(host);
    }

    private static String normalize(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /**
     * The host's addresses, looked up once; refused if any of them is not public (unless an admin
     * allowed this host). Used for every connection the fetcher opens, redirects included.
     */
    public InetAddress[] resolve(String host) throws RefusedFeedException {
        String name = normalize(host);
        String literal = name.startsWith("[") ? name.substring(1, name.length() - 1) : name;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(literal);
        } catch (UnknownHostException e) {
            throw new RefusedFeedException("unknownHost", host);
        }
        if (allowedHosts.contains(name) || allowedHosts.contains(literal)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            if (isDenied(address)) {
                throw new RefusedFeedException("forbiddenAddress", host + " is " + address.getHostAddress());
            }
        }
        return addresses;
    }

    /** Whether the address is loopback, private, link-local, or otherwise not a public unicast address. */
    public static boolean isDenied(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return deniedV4(bytes);
        }
        IPv6Address v6 = new IPv6Address(bytes);
        if (MAPPED.contains(v6) || COMPATIBLE.contains(v6)) {
            return deniedV4(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (SIX_TO_FOUR.contains(v6)) {
            return deniedV4(Arrays.copyOfRange(bytes, 2, 6));
        }
        return DENIED_V6.stream().anyMatch(range -> range.contains(v6));
    }

    private static boolean deniedV4(byte[] bytes) {
        IPv4Address v4 = new IPv4Address(bytes);
        return DENIED_V4.stream().anyMatch(range -> range.contains(v4));
    }

    private static List<IPAddress> ranges(String... cidrs) {
        return Arrays.stream(cidrs).map(FeedAddresses::range).toList();
    }

    private static IPAddress range(String cidr) {
        return new IPAddressString(cidr).getAddress().toPrefixBlock();
    }
}
