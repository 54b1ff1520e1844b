package org.w3id.stalinkg.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Range requests (RFC 9110, section 14) on an answer of known length, for resumable downloads: what a
 * {@code Range} header, with its {@code If-Range}, asks of an answer of {@code length} bytes with ETag {@code etag}.
 *
 * <pre>
 * ByteRanges.Decision d = ByteRanges.decide(req.getHeaders("Range"), req.getHeader("If-Range"), etag, length);
 * // WHOLE: 200 and every byte; PART: 206, bytes first..last with Content-Range; UNSATISFIABLE: 416, "bytes *&#47;N"
 * </pre>
 *
 * One range is answered with 206; several ranges, in one header or in several, are answered with the whole answer
 * (200), as RFC 9110 allows, instead of a multipart body. A header that does not parse, a unit other than
 * {@code bytes}, and a range whose last byte comes before its first are ignored (200, the whole answer), as the RFC
 * lets a server do with an invalid range. {@code If-Range} honours the range only when it names the answer's strong
 * ETag exactly; a weak ETag or a date (these answers carry no Last-Modified) gets the whole answer. Jetty's
 * {@code ByteRange.parse} answers an empty list both for a header that does not parse and for one that cannot be
 * satisfied, which would turn the first into a 416; hence this parser.
 */
public final class ByteRanges {

    /** What to send. */
    public enum Kind { WHOLE, PART, UNSATISFIABLE }

    /**
     * The decision: for {@link Kind#PART}, the bytes {@code first} to {@code last}, inclusive, both within the
     * answer; otherwise both 0.
     */
    public record Decision(Kind kind, long first, long last) {

        static final Decision WHOLE = new Decision(Kind.WHOLE, 0, 0);
        static final Decision UNSATISFIABLE = new Decision(Kind.UNSATISFIABLE, 0, 0);

        /** The number of bytes of a part. */
        public long length() {
            return last - first + 1;
        }

        /** The Content-Range of a 206 ({@code bytes 0-99/1234}) or of a 416 ({@code bytes *}{@code /1234}). */
        public String contentRange(long total) {
            return kind == Kind.PART ? "bytes " + first + "-" + last + "/" + total : "bytes */" + total;
        }
    }

    /** More digits than this is a number past any length: read as {@link Long#MAX_VALUE}, never an overflow. */
    private static final int MAX_DIGITS = 18;

    private ByteRanges() {}

    /**
     * What the {@code Range} headers ({@code ranges}, each value as received, none if absent) ask of an answer of
     * {@code length} bytes whose ETag is {@code etag}, given the request's {@code If-Range} (null if absent).
     */
    public static Decision decide(List<String> ranges, String ifRange, String etag, long length) {
        if (ranges.isEmpty()) {
            return Decision.WHOLE;
        }
        if (ifRange != null && !(etag != null && ifRange.strip().startsWith("\"") && ifRange.strip().equals(etag))) {
            return Decision.WHOLE;
        }
        if (ranges.size() > 1) {
            return Decision.WHOLE;
        }
        List<long[]> specs = parse(ranges.get(0));
        if (specs == null || specs.size() != 1) {
            return Decision.WHOLE;
        }
        return satisfy(specs.get(0), length);
    }

    /** One range against the length: {first, last} with -1 for an absent first (a suffix) or last. */
    private static Decision satisfy(long[] spec, long length) {
        long first = spec[0];
        long last = spec[1];
        if (first < 0) {
            // A suffix: the last `last` bytes; "-0" asks for none.
            if (last == 0 || length == 0) {
                return Decision.UNSATISFIABLE;
            }
            return new Decision(Kind.PART, Math.max(0, length - last), length - 1);
        }
        if (first >= length) {
            return Decision.UNSATISFIABLE;
        }
        return new Decision(Kind.PART, first, last < 0 || last >= length ? length - 1 : last);
    }

    /**
     * The ranges of a {@code Range} value ({@code bytes=0-99, 200-, -50}), each {first, last} with -1 where absent;
     * null if it does not parse, names another unit or holds a range whose last byte comes before its first.
     */
    static List<long[]> parse(String value) {
        int eq = value.indexOf('=');
        if (eq < 0 || !value.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return null;
        }
        List<long[]> specs = new ArrayList<>();
        for (String element : value.substring(eq + 1).split(",", -1)) {
            String spec = element.strip();
            if (spec.isEmpty()) {
                // The list syntax of RFC 9110 (section 5.6.1) lets empty elements be; they name nothing.
                continue;
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return null;
            }
            long first = number(spec.substring(0, dash));
            long last = number(spec.substring(dash + 1));
            if (first == -2 || last == -2 || (first == -1 && last == -1) || (first >= 0 && last >= 0 && last < first)) {
                return null;
            }
            specs.add(new long[] {first, last});
        }
        return specs.isEmpty() ? null : specs;
    }

    /** The digits of {@code text}: -1 if empty, -2 if anything but ASCII digits. */
    private static long number(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -2;
            }
        }
        String digits = text.replaceFirst("^0+(?=.)", "");
        return digits.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}
