package dev.cota.data.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** GAIA's question_scorer normalization, case by case (expected values worked out from scorer.py). */
class GaiaMatchTest {

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
        assertEquals(expected, GaiaMatch.questionScorer(prediction, truth));
    }

    @Test
    void numbersAndStringsNormalizeAsScorerPy() {
        assertEquals(Double.POSITIVE_INFINITY, GaiaMatch.normalizeNumber("twelve"));
        assertEquals(1234.5, GaiaMatch.normalizeNumber("$1,234.5"));
        assertEquals("naturalgas", GaiaMatch.normalize(" Natural\tGas! "));
        assertEquals("a,b", GaiaMatch.normalizeKeepPunctuation("A, B"));
    }
}
