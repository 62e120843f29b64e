package dev.cota.bench.gaia;

import dev.cota.data.pipeline.GaiaMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cota.bench.BenchItem;
import dev.cota.bench.ItemScore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GaiaScorerTest {

    // model answer | ground truth | question_scorer's result, with what scorer.py does on each case.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Number ground truth: normalize_number_str drops $ % , and float()s the rest.
        "17|17|true",
        "17.0|17|true",
        "$1,234.50|1234.5|true",
        "45%|45|true",
        "' 12 '|12|true",            // float() strips spaces
        "1e-1|0.1|true",             // float() reads exponents
        "1_000|1000|true",           // and PEP 515 underscores
        "42 apples|42|false",        // unparsable answer becomes inf
        "four|4|false",
        "''|0|false",                // empty answer: float('') fails, inf != 0
        "0.30000000000000004|0.3|false", // exact float equality, no tolerance
        "anything at all|inf|true",  // unparsable answer is inf, which equals float('inf')
        "nan|nan|false",             // nan != nan
        "1.0|' 1 '|true",            // the ground truth is float()ed too
        // List ground truth (has , or ;): re.split on [,;], same length, element-wise.
        "3;4;5|3, 4, 5|true",
        "3, 4|3, 4, 5|false",        // different lengths fail
        "x, y, z|x, y|false",
        "B, apple.|b, Apple|false",  // strings keep punctuation in lists
        "B , APPLE|b, Apple|true",   // but lose whitespace and case
        "$3, 4%|3, 4|true",          // numeric elements use normalize_number_str
        "'3,'|'3,'|true",            // a trailing separator gives an empty element on both sides
        "'3'|'3,'|false",            // ['3'] vs ['3', '']
        "''|fish, chips|false",
        "a;b|a,b|true",              // , and ; are interchangeable
        // String ground truth: whitespace and string.punctuation removed, lower-cased.
        "'  paris. '|Paris|true",
        "Sea Gull|seagull|true",
        "St. Louis|st louis|true",
        "it’s|its|false",            // the typographic apostrophe is not in string.punctuation
        "Paris, France|Paris|false", // 'parisfrance' vs 'paris'
        "''|''|true",
    })
    void questionScorer(String answer, String truth, boolean expected) {
        assertEquals(expected, GaiaMatch.questionScorer(answer, truth), answer + " vs " + truth);
    }

    @Test
    void noneAnswerIsTheStringNone() {
        // scorer.py: `if model_answer is None: model_answer = "None"`.
        assertEquals(true, GaiaMatch.questionScorer(null, "none"));
        assertEquals(false, GaiaMatch.questionScorer(null, "0"));
    }

    @Test
    void answerTypes() {
        assertEquals("number", GaiaMatch.answerType("1_000"));
        assertEquals("list", GaiaMatch.answerType("a; b"));
        assertEquals("list", GaiaMatch.answerType("1,000")); // float('1,000') fails, so it is a list
        assertEquals("string", GaiaMatch.answerType("Paris"));
    }

    @Test
    void scoreAndSummaryPerLevel() {
        GaiaScorer scorer = new GaiaScorer();
        BenchItem a = new BenchItem("a", "q", null, null, Map.of("Level", 1, "Final answer", "17"));
        BenchItem b = new BenchItem("b", "q", null, null, Map.of("Level", 1, "Final answer", "Paris"));
        BenchItem c = new BenchItem("c", "q", null, null, Map.of("Level", 3, "Final answer", "x, y"));
        ItemScore sa = scorer.score(a, "17");
        ItemScore sb = scorer.score(b, "London");
        ItemScore sc = scorer.score(c, "x;Y");
        assertEquals(1.0, sa.score());
        assertEquals("17", sa.prediction());
        assertEquals(Map.of("Level", 1, "Final answer", "17", "answer_type", "number"), sa.fields());
        assertEquals(0.0, sb.score());
        assertEquals("string", sb.fields().get("answer_type"));
        assertEquals(1.0, sc.score());
        Map<String, Object> summary = scorer.summarize(List.of(sa, sb, sc));
        assertEquals(2.0 / 3, (double) summary.get("score"), 0.0);
        assertEquals(2L, summary.get("correct"));
        assertEquals(0.5, summary.get("score_level1"));
        assertEquals(1.0, summary.get("score_level3"));
        assertEquals(false, summary.containsKey("score_level2"));
        assertEquals(Map.of("level1", 2L, "level3", 1L), summary.get("tasks_per_level"));
    }
}
