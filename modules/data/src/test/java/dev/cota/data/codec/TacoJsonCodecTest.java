package dev.cota.data.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cota.core.trace.Action;
import dev.cota.core.trace.Message;
import dev.cota.core.trace.Role;
import dev.cota.core.trace.Trace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TacoJsonCodecTest {

    static final String SUFFIX = "\nThe OBSERVATION can be incomplete or incorrect, so please be critical and decide"
            + " how to make use of it. If you've gathered sufficient information to answer the question, call"
            + " Terminate with the final answer. Now, please generate the response for the next step.";

    private final Codec codec = Codecs.get("taco-json");

    /** A CoTA trace: OCR, a nested-dict observation, Calculate, an actions: [] turn, Terminate. */
    static Trace cotaTrace() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("steps", List.of("read", "solve"));
        details.put("ok", true);
        details.put("ratio", 0.5);
        details.put("none", null);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("result", 8);
        nested.put("details", details);
        return new Trace("cota-1", "cota-mantis", List.of("images/1.jpg"), List.of(), List.of(
                Message.system("You are a helpful assistant."),
                Message.user("image-0: <image>\nWhat is x in the image?"),
                Message.assistant("I need the equation first.", new Action("OCR", Map.of("image", "image-0"))),
                Message.observation(Map.of("text", "x-2^3=0")),
                Message.assistant("Compute 2^3.", new Action("Calculate", Map.of("expression", "2**3"))),
                Message.observation(nested),
                Message.assistant("It's x - 8 = 0, so x is 8.", null),
                Message.observation("no action was called"),
                Message.assistant("x is 8.", new Action("Terminate", Map.of("answer", "8")))),
                "8", Map.of());
    }

    @Test
    void rendersTacoTextsExactly() {
        List<ChatTurn> turns = codec.render(cotaTrace());
        assertEquals(9, turns.size());
        assertEquals(new ChatTurn(ChatRole.SYSTEM, "You are a helpful assistant.", 0), turns.get(0));
        assertEquals(new ChatTurn(ChatRole.USER, "image-0: <image>\nWhat is x in the image?", 1), turns.get(1));
        assertEquals(new ChatTurn(ChatRole.ASSISTANT, "{\"thought\": \"I need the equation first.\", \"actions\":"
                + " [{\"name\": \"OCR\", \"arguments\": {\"image\": \"image-0\"}}]}", 2), turns.get(2));
        assertEquals(new ChatTurn(ChatRole.USER, "OBSERVATION:\n{'text': 'x-2^3=0'}" + SUFFIX, 3), turns.get(3));
        // Top-level keys sorted as TACO's dir() lists them; nested keys keep their order.
        assertEquals("OBSERVATION:\n{'details': {'steps': ['read', 'solve'], 'ok': True, 'ratio': 0.5, 'none': None},"
                + " 'result': 8}" + SUFFIX, turns.get(5).text());
        assertEquals(ChatRole.USER, turns.get(5).role());
        assertEquals("{\"thought\": \"It's x - 8 = 0, so x is 8.\", \"actions\": []}", turns.get(6).text());
        assertEquals("OBSERVATION:\nno action was called" + SUFFIX, turns.get(7).text());
        assertEquals("{\"thought\": \"x is 8.\", \"actions\": [{\"name\": \"Terminate\", \"arguments\":"
                + " {\"answer\": \"8\"}}]}", turns.get(8).text());
        assertEquals(8, turns.get(8).messageIndex());
    }

    @Test
    void parseOfRenderGivesTheMessagesBack() {
        Trace t = cotaTrace();
        List<Message> back = codec.parse(codec.render(t));
        assertEquals(t.messages(), back);
        assertEquals(8, ((Map<?, ?>) back.get(5).content()).get("result"));
        assertNull(back.get(6).action());
    }

    @Test
    void fencedJsonWithTextAroundParses() {
        Message m = codec.parseAssistant("Sure, here it is:\n```json\n{\n  \"thought\": \"Read it.\",\n"
                + "  \"actions\": [{\"name\": \"OCR\", \"arguments\": {\"image\": \"image-0\"}}]\n}\n```\nDone {x}.");
        assertEquals("Read it.", m.thought());
        assertEquals(new Action("OCR", Map.of("image", "image-0")), m.action());
        assertEquals(Map.of(), m.meta());
    }

    @Test
    void outermostObjectIsTakenAndBracesInStringsAreText() {
        Message m = codec.parseAssistant("Answer: {\"thought\": \"a } b {\", \"actions\": []} and {\"x\": 1}");
        assertEquals("a } b {", m.thought());
        assertNull(m.action());
    }

    @Test
    void onlyTheFirstActionCountsAndTheRestIsKeptInMeta() {
        Message m = codec.parseAssistant("{\"thought\": \"t\", \"actions\": [{\"name\": \"OCR\", \"arguments\":"
                + " {\"image\": \"image-0\"}}, {\"name\": \"Terminate\", \"arguments\": {\"answer\": \"1\"}}],"
                + " \"extra\": 3}");
        assertEquals("OCR", m.action().name());
        assertEquals(List.of(Map.of("name", "Terminate", "arguments", Map.of("answer", "1"))),
                m.meta().get(TacoJsonCodec.DROPPED_ACTIONS));
        assertEquals(3, m.meta().get("extra"));
    }

    @Test
    void eachErrorKind() {
        assertKind("malformed-json", "{\"thought\": \"t\", \"actions\": [{\"name\": \"OCR\"");
        assertKind("malformed-json", "[{\"thought\": \"t\", \"actions\": []}]");
        assertKind("malformed-json", "I cannot answer that.");
        assertKind("malformed-json", "{'thought': 't', 'actions': []}");
        assertKind("missing-thought", "{\"actions\": []}");
        assertKind("missing-thought", "{\"thought\": null, \"actions\": []}");
        assertKind("missing-actions", "{\"thought\": \"t\"}");
        assertKind("missing-actions", "{\"thought\": \"t\", \"actions\": {\"name\": \"OCR\"}}");
        assertKind("bad-action", "{\"thought\": \"t\", \"actions\": [\"OCR\"]}");
        assertKind("bad-action", "{\"thought\": \"t\", \"actions\": [{\"arguments\": {}}]}");
        assertKind("bad-action", "{\"thought\": \"t\", \"actions\": [{\"name\": \"OCR\"}]}");
    }

    @Test
    void errorMessagesBecomeTacosFeedbackTurn() {
        CodecException e = assertKind("malformed-json", "{\"thought\": \"t\"");
        String feedback = TacoJsonCodec.parseErrorFeedback(e);
        assertTrue(feedback.startsWith("OBSERVATION:\nThe JSON object is not closed"), feedback);
        assertTrue(feedback.endsWith("\nPlease format the output to a strict JSON format can be converted by"
                + " json.loads().\nRequirements:\n1. Do not change the content;\n2. Consider changing single quotes"
                + " to double quotes or vice versa where applicable;\n3. Consider adding or removing curly bracket or"
                + " removing the period at the end if any."), feedback);
        CodecException missing = assertKind("missing-thought", "{\"actions\": []}");
        assertTrue(TacoJsonCodec.parseErrorFeedback(missing).endsWith("\nPlease try again to fix the error. Or,"
                + " reply with Terminate only if you believe this error is not fixable."));
    }

    @Test
    void codeTurnsCannotBeWritten() {
        Trace t = new Trace("x", null, null, null, List.of(Message.assistantCode("t", "print(1)")), null, null);
        CodecException e = assertThrows(CodecException.class, () -> codec.render(t));
        assertEquals(CodecException.UNSUPPORTED_TURN, e.kind());
    }

    @Test
    void aReplyTheRunnerCouldNotParseRendersAsWrittenButOtherPlainTurnsCannot() {
        String raw = "{\"thought\": \"sum\", \"actions\": [";
        Message bad = new Message(Role.ASSISTANT, raw, null, null, null, Map.of("parse_error", "malformed-json"));
        Trace t = new Trace("x", null, null, null, List.of(Message.user("q"), bad), null, null);
        assertEquals(raw, codec.render(t).get(1).text());
        Trace plain = t.withMessages(List.of(Message.user("q"), Message.assistantText(raw)));
        assertEquals(CodecException.UNSUPPORTED_TURN, assertThrows(CodecException.class, () -> codec.render(plain)).kind());
    }

    @Test
    void userTurnsThatAreNotObservationsStayUserTurns() {
        List<Message> back = codec.parse(List.of(new ChatTurn(ChatRole.USER, "OBSERVATION is a word", 0),
                new ChatTurn(ChatRole.USER, "OBSERVATION:\n{not python}" + SUFFIX, 1)));
        assertEquals(Message.user("OBSERVATION is a word"), back.get(0));
        assertEquals(Message.observation("{not python}"), back.get(1));
    }

    private CodecException assertKind(String kind, String output) {
        CodecException e = assertThrows(CodecException.class, () -> codec.parseAssistant(output), output);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(!e.getMessage().isBlank());
        return e;
    }
}
