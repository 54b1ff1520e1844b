package org.w3id.stalinkg.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.QuotedCSV;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The reverse proxies whose {@code Forwarded} and {@code X-Forwarded-*} headers are believed ({@code --trusted-proxy}),
 * and the client a request came from through them.
 * <p>
 * Each proxy appends the address it received the request from, so the chain reads from the client (left) to the last
 * proxy (right), and only its right end is written by proxies we trust: anything further left may be what the client
 * itself sent. The client is therefore the right-most address that is not a trusted proxy; if every address is one,
 * the left-most. An entry that is not an IP address literal ({@code unknown}, an obfuscated {@code _name}, garbage)
 * ends the walk there, and the last trusted address seen stands for the client. Nothing is ever looked up in DNS.
 *
 * <pre>
 * TrustedProxies proxies = TrustedProxies.of(List.of("127.0.0.1/32", "10.0.0.0/8"));
 * InetAddress client = proxies.client(request.getHeaders(), peer);
 * </pre>
 */
final class TrustedProxies {

    /** The most chain entries looked at, from the right: beyond, a chain is not a proxy's. */
    static final int MAX_HOPS = 64;

    private final InetAddressSet set = new InetAddressSet();
    private final List<String> ranges;

    private TrustedProxies(List<String> ranges) {
        this.ranges = List.copyOf(ranges);
        for (String range : ranges) {
            set.add(range);
        }
    }

    /**
     * The proxies in {@code ranges}, each an address or CIDR range ({@code 127.0.0.1}, {@code 10.0.0.0/8},
     * {@code ::1/128}); IllegalArgumentException naming the first that is not one (see {@link #check}).
     */
    static TrustedProxies of(List<String> ranges) {
        for (String range : ranges) {
            String why = check(range);
            if (why != null) {
                throw new IllegalArgumentException("Illegal trusted proxy=" + range + " : " + why);
            }
        }
        return new TrustedProxies(ranges);
    }

    /** Why {@code range} is not an IP address or CIDR range, or null if it is one. */
    static String check(String range) {
        String s = range.strip();
        int slash = s.indexOf('/');
        InetAddress address = literal(slash < 0 ? s : s.substring(0, slash));
        if (address == null) {
            return "must be an IP address or a CIDR range such as 10.0.0.0/8 or ::1/128";
        }
        if (slash >= 0) {
            int max = address.getAddress().length * 8;
            String bits = s.substring(slash + 1);
            if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
                return "the prefix length after / must be 0 to " + max;
            }
        }
        return null;
    }

    /** True if no proxy is trusted (the default): every forwarding header is ignored. */
    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The ranges, as given. */
    List<String> ranges() {
        return ranges;
    }

    /** True if {@code address} is one of the trusted proxies. */
    boolean contains(InetAddress address) {
        return address != null && set.test(address);
    }

    /**
     * The client of a request that {@code peer}, a trusted proxy, forwarded with {@code headers}: from the
     * {@code for=} parameters of {@code Forwarded} if there are any, else from {@code X-Forwarded-For}; {@code peer}
     * if neither names one.
     */
    InetAddress client(HttpFields headers, InetAddress peer) {
        List<String> chain = forwardedFor(headers.getValuesList("Forwarded"));
        if (chain.isEmpty()) {
            chain = new ArrayList<>();
            for (String value : headers.getValuesList("X-Forwarded-For")) {
                for (String entry : value.split(",", -1)) {
                    chain.add(entry.strip());
                }
            }
        }
        InetAddress client = peer;
        int stop = Math.max(0, chain.size() - MAX_HOPS);
        for (int i = chain.size() - 1; i >= stop; i--) {
            InetAddress hop = node(chain.get(i));
            if (hop == null) {
                break;
            }
            client = hop;
            if (!contains(hop)) {
                break;
            }
        }
        return client;
    }

    /** The {@code for=} values of RFC 7239 {@code Forwarded} header values, left to right, quotes removed. */
    private static List<String> forwardedFor(List<String> values) {
        List<String> chain = new ArrayList<>();
        if (values.isEmpty()) {
            return chain;
        }
        for (String element : new QuotedCSV(false, values.toArray(String[]::new))) {
            for (String pair : element.split(";")) {
                String p = pair.strip();
                if (p.length() > 4 && p.substring(0, 4).toLowerCase(Locale.ROOT).equals("for=")) {
                    chain.add(unquote(p.substring(4).strip()));
                }
            }
        }
        return chain;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /**
     * The address of one chain entry: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1},
     * {@code [2001:db8::1]:4711}; null for anything else.
     */
    static InetAddress node(String entry) {
        String s = unquote(entry.strip());
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            return close < 0 ? null : literal(s.substring(1, close));
        }
        int colon = s.indexOf(':');
        if (colon >= 0 && s.indexOf(':', colon + 1) < 0) {
            s = s.substring(0, colon);
        }
        return literal(s);
    }

    /**
     * {@code s} as an IPv4 or IPv6 address literal, or null: never a name, so never a DNS query (an IPv6 literal is
     * parsed in brackets, which Java refuses to look up).
     */
    static InetAddress literal(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return null;
        }
        try {
            if (s.indexOf(':') >= 0) {
                return s.matches("[0-9A-Fa-f:.]+") ? InetAddress.getByName("[" + s + "]") : null;
            }
            if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                return null;
            }
            byte[] bytes = new byte[4];
            String[] parts = s.split("\\.");
            for (int i = 0; i < 4; i++) {
                int b = Integer.parseInt(parts[i]);
                if (b > 255) {
                    return null;
                }
                bytes[i] = (byte) b;
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException ex) {
            return null;
        }
    }
}
