package org.w3id.stalinkg.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3id.stalinkg.http.ByteRanges.Decision;
import org.w3id.stalinkg.http.ByteRanges.Kind;

/** What a Range header asks of an answer of 1,000 bytes: one part, the whole answer, or nothing (416). */
class TestByteRanges {

    private static final long LENGTH = 1000;
    private static final String ETAG = "\"abc\"";

    private static Decision decide(String range) {
        return ByteRanges.decide(List.of(range), null, ETAG, LENGTH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bytes=0-99|0|99", "bytes=100-199|100|199", "bytes=999-999|999|999", "bytes=990-|990|999",
        "bytes=990-5000|990|999", "bytes=-100|900|999", "bytes=-5000|0|999", "bytes=0-|0|999",
        "BYTES=0-9|0|9", "bytes = 0-9|0|9", "bytes=0-9,|0|9", "bytes=, 5-9 ,|5|9", "bytes=000010-000019|10|19",
        "bytes=0-99999999999999999999999|0|999"})
    void oneRangeIsOnePart(String range, long first, long last) {
        assertEquals(new Decision(Kind.PART, first, last), decide(range));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=5000-5001",
        "bytes=99999999999999999999999-"})
    void aRangeBeyondTheEndIsUnsatisfiable(String range) {
        Decision d = decide(range);
        assertEquals(Kind.UNSATISFIABLE, d.kind(), range);
        assertEquals("bytes */1000", d.contentRange(LENGTH));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "bytes", "bytes=", "bytes=,", "bytes=-", "bytes=5", "bytes=a-b", "bytes=1-a",
        "bytes=9-5", "bytes=--5", "bytes=1-2-3", "bytes=+1-5", "bytes=-+5", "bytes=0x10-20", "bytes=1 -5",
        "bytes=\u0661-5", "items=0-9", "0-9", "bytes=0-9;q=1", "bytes=0-9,abc"})
    void aMalformedRangeOrAnotherUnitIsIgnored(String range) {
        assertEquals(Kind.WHOLE, decide(range).kind(), range);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=0-9,20-29", "bytes=0-9, -5", "bytes=0-1,0-1", "bytes=2000-,0-9"})
    void severalRangesGetTheWholeAnswer(String range) {
        assertEquals(Kind.WHOLE, decide(range).kind(), range);
    }

    @Test
    void twoRangeHeadersGetTheWholeAnswer() {
        assertEquals(Kind.WHOLE, ByteRanges.decide(List.of("bytes=0-9", "bytes=10-19"), null, ETAG, LENGTH).kind());
    }

    @Test
    void noRangeHeaderIsTheWholeAnswer() {
        assertEquals(Kind.WHOLE, ByteRanges.decide(List.of(), ETAG, ETAG, LENGTH).kind());
    }

    @ParameterizedTest(name = "If-Range: {0}")
    @CsvSource(delimiter = '|', value = {"\"abc\"|PART", " \"abc\" |PART", "\"abd\"|WHOLE", "W/\"abc\"|WHOLE",
        "Sun, 06 Nov 1994 08:49:37 GMT|WHOLE", "abc|WHOLE", "''|WHOLE"})
    void ifRangeHonoursTheRangeOnlyForTheSameStrongEtag(String ifRange, Kind kind) {
        assertEquals(kind, ByteRanges.decide(List.of("bytes=0-9"), ifRange, ETAG, LENGTH).kind(), ifRange);
    }

    @Test
    void contentRangeOfAPartNamesItsBytesAndTheTotal() {
        assertEquals("bytes 900-999/1000", decide("bytes=-100").contentRange(LENGTH));
        assertEquals(100, decide("bytes=-100").length());
    }

    @Test
    void anEmptyAnswerSatisfiesNoRange() {
        assertEquals(Kind.UNSATISFIABLE, ByteRanges.decide(List.of("bytes=0-"), null, ETAG, 0).kind());
        assertEquals(Kind.UNSATISFIABLE, ByteRanges.decide(List.of("bytes=-5"), null, ETAG, 0).kind());
    }
}
