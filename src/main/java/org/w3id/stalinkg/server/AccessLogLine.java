package org.w3id.stalinkg.server;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One access-log line: {@code key=value} pairs (logfmt), always the same keys in the same order, separated by one
 * space, so that {@code awk}, Loki, Vector or {@code grep 'status=5'} can read it:
 * <pre>
 * time=2026-12-06T23:05:02.123Z client=203.0.113.7 method=GET path="/sparql" status=200 bytes=1234 ms=3 rows=11 query=9f86d081884c ua="curl/8.5.0"
 * </pre>
 * A value that is not known is {@code -} ({@code rows} of a request that ran no SELECT, {@code query} of a request
 * with no query or parameters, {@code ua} of a request without a User-Agent). The values a client chooses ({@code
 * path}, {@code ua}) are quoted: {@code "} and {@code \} are escaped with {@code \}, every character outside
 * printable ASCII (control characters, line breaks, anything beyond {@code ~}) is written as {@code \}{@code uXXXX},
 * and the value is cut at {@value #MAX_CHARS} characters (then ends with {@code ...}); so whatever a client sends,
 * the line stays one line of bounded length and no key can be forged. The other values are made printable
 * ({@code ?} for anything else) and cut likewise.
 *
 * @param time   when the request arrived
 * @param client the client's address, as the connection (or a trusted proxy) gives it
 * @param bytes  the bytes of the body as sent (after compression); -1 if not known
 * @param millis from the request's arrival to the end of its answer
 * @param rows   the result rows of a SELECT, or null
 * @param query  the digest of the query or parameters, or null
 * @param ua     the User-Agent header, or null
 */
record AccessLogLine(Instant time, String client, String method, String path, int status, long bytes, long millis,
                     Object rows, String query, String ua) {

    /** The most characters of a value that a line shows. */
    static final int MAX_CHARS = 200;

    /** The line, without a line break. */
    String format() {
        StringBuilder b = new StringBuilder(160);
        b.append("time=").append(time.truncatedTo(ChronoUnit.MILLIS));
        b.append(" client=").append(token(client));
        b.append(" method=").append(token(method));
        b.append(" path=").append(quoted(path));
        b.append(" status=").append(status);
        b.append(" bytes=").append(bytes < 0 ? "-" : Long.toString(bytes));
        b.append(" ms=").append(millis);
        b.append(" rows=").append(rows == null ? "-" : token(rows.toString()));
        b.append(" query=").append(token(query));
        b.append(" ua=").append(quoted(ua));
        return b.toString();
    }

    /** {@code s} quoted and escaped (see the class), or {@code -} for null. */
    static String quoted(String s) {
        if (s == null) {
            return "-";
        }
        boolean cut = s.length() > MAX_CHARS;
        String value = cut ? s.substring(0, MAX_CHARS) : s;
        StringBuilder b = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c >= 0x20 && c <= 0x7e) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.append(cut ? "...\"" : "\"").toString();
    }

    /**
     * {@code s} as one unquoted token: printable ASCII but for {@code "} and {@code =}, anything else as {@code ?},
     * cut at {@value #MAX_CHARS}; {@code -} for null or empty.
     */
    static String token(String s) {
        if (s == null || s.isEmpty()) {
            return "-";
        }
        String cut = s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) + "..." : s;
        return cut.replaceAll("[^\\x21-\\x7e]|[\"=]", "?");
    }
}
