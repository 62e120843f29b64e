package dev.cota.dpo.iterate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** GAIA's question_scorer normalization, case by case (expected values worked out from scorer.py). */
class AnswerMatchTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // numbers: compared as floats after $ % , are removed from the prediction
        "65        | 65      | true",
        "65.0      | 65      | true",
        "$10.64    | 10.64   | true",
        "10.640    | 10.64   | true",
        "21,150    | 21150   | true",
        "'  12 '   | 12      | true",
        "12 loaves | 12      | false",
        "13        | 12      | false",
        "1e3       | 1000    | true",
        "1d        | 1       | false",
        // a percent reference is not a float: string rule, punctuation (%) removed on both sides
        "75%       | 75%     | true",
        "75        | 75%     | true",
        "75 %      | 75%     | true",
        "0.75      | 75%     | false",
        // strings: case, whitespace and punctuation do not count
        "natural gas | Natural gas | true",
        "NaturalGas. | Natural gas | true",
        "'15:00'     | 15:00       | true",
        "1500        | 15:00       | true",
        "coal        | Natural gas | false",
        // lists (, or ;): element by element, numbers as numbers, strings keep punctuation
        "'1, 2, 3'      | '1,2,3'       | true",
        "'1; 2; 3.0'    | '1;2;3'       | true",
        "'1, 2'         | '1,2,3'       | false",
        "'Paris, Rome'  | 'paris,rome'  | true",
        "'Paris, Rome.' | 'paris,rome'  | false",
    })
    void matchesAsGaiaDoes(String prediction, String truth, boolean expected) {
        assertEquals(expected, AnswerMatch.matches(prediction, truth));
    }

    @Test
    void noPredictionNeverMatchesAndNonNumbersAreInfinite() {
        assertFalse(AnswerMatch.matches(null, "12"));
        assertEquals(Double.POSITIVE_INFINITY, AnswerMatch.normalizeNumber("twelve"));
        assertEquals(1234.5, AnswerMatch.normalizeNumber("$1,234.5"));
        assertEquals("naturalgas", AnswerMatch.normalizeString(" Natural\tGas! ", true));
        assertEquals("a,b", AnswerMatch.normalizeString("A, B", false));
    }

    @Test
    void theExtractorTakesTheLastMatchOrTheWholeReply() {
        assertEquals("12", new AnswerExtractor(null).extract("  12\n"));
        AnswerExtractor e = new AnswerExtractor("Answer:\\s*(\\S+)");
        assertEquals("7", e.extract("Answer: 5 ... no. Answer: 7"));
        assertNull(e.extract("I do not know"));
    }
}
