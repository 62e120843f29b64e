package dev.cota.synth.mmtraj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifier replies as models write them: the template's markers, fences, loose JSON, and garbage. */
class VerdictTest {

    @Test
    void readsTheTemplatesAndLooseJson() {
        Verdict gta = Verdict.parse("'''\n{\"thought\": \"t\", \"correct\": \"no\", \"updated_query\": \"Q2\"}\n'''");
        assertFalse(gta.correct());
        assertEquals("Q2", gta.updatedQuery());
        assertEquals("t", gta.thought());
        assertNull(Verdict.parse("```json\n{'correct': 'Yes', 'updated_query': 'No revision is needed.',}\n```")
                .updatedQuery());
        assertTrue(Verdict.parse("```json\n{'correct': 'Yes',}\n```").correct());
        assertTrue(Verdict.parse("### start json\n{\"correct\": true}\n### end json").correct());
        // T3-Agent's trajectory verifier reads the literal when the JSON is broken.
        assertFalse(Verdict.parse("{\"thought\": \"unclosed \"quote\", \"correct\": \"no\"").correct());
    }

    @Test
    void noVerdictIsNull() {
        for (String bad : List.of("", "yes", "{\"correct\": \"maybe\"}", "{\"thought\": \"fine\"}", "[1, 2]",
                "correct: perhaps")) {
            assertNull(Verdict.parse(bad), bad);
        }
        assertNull(Verdict.parse(null));
    }

    @Test
    void filePlanAndFileContent() {
        List<FilePlan.Planned> plan = FilePlan.parse("### json start\n{\"file\": {\"file_numbers\": 2, \"file_information\":"
                + " {\"file_1\": {\"file_type\": \".JPG\", \"file_content\": \"a dog\"}, \"file_2\": {\"file_type\": \"csv\","
                + " \"file_content\": \"prices\"}}}}\n### json end");
        assertEquals(List.of(new FilePlan.Planned(".jpg", "a dog"), new FilePlan.Planned(".csv", "prices")), plan);
        assertEquals(List.of(), FilePlan.parse("{\"file\": {\"file_numbers\": 0}}"));
        assertNull(FilePlan.parse("no plan"));
        assertEquals("a,b\n", FilePlan.content("##file start\n```csv\na,b\n```\n##file end"));
        assertEquals("plain\n", FilePlan.content("plain"));
        assertNull(FilePlan.content("##file start\n##file end"));
    }
}
