package dev.cota.bench.mathvista;

import dev.cota.bench.Judge;
import dev.cota.bench.judge.JudgeCalls;
import dev.cota.data.python.PyText;

/**
 * The GPT step of MathVista's {@code evaluation/extract_answer.py} ({@code extract_answer} after its
 * rules fail): {@code create_test_prompt} joins the stripped few-shot {@code demo_prompt} of
 * {@code evaluation/prompts/ext_ans.py}, the problem's {@code query} and the response as
 * {@code demo + "\n\n" + query + "\n\n" + response + "\n\nExtracted answer: "}, sent by
 * {@code models/gpt.py}'s {@code GPT_Model.get_response} with temperature 0 and {@code max_tokens}
 * 1024; the extraction is the reply, stripped. {@code get_response} asks again while the reply is
 * empty (with a patience of a million tries); cota asks at most {@link #MAX_ASKS} times, then gives
 * the empty extraction, which is what the official code returns when it gives up.
 */
final class MathVistaExtractor {

    /** {@code demo_prompt.strip()}: the five worked extractions, verbatim. */
    static final String DEMO_PROMPT = "Please read the following example. Then extract the answer from the model "
            + "response and type it at the end of the prompt.\n"
            + "\n"
            + "Hint: Please answer the question requiring an integer answer and provide the final value, e.g., 1, 2, 3, "
            + "at the end.\n"
            + "Question: Which number is missing?\n"
            + "\n"
            + "Model response: The number missing in the sequence is 14.\n"
            + "\n"
            + "Extracted answer: 14\n"
            + "\n"
            + "Hint: Please answer the question requiring a floating-point number with one decimal place and provide "
            + "the final value, e.g., 1.2, 1.3, 1.4, at the end.\n"
            + "Question: What is the fraction of females facing the camera?\n"
            + "\n"
            + "Model response: The fraction of females facing the camera is 0.6, which means that six out of ten "
            + "females in the group are facing the camera.\n"
            + "\n"
            + "Extracted answer: 0.6\n"
            + "\n"
            + "Hint: Please answer the question requiring a floating-point number with two decimal places and provide "
            + "the final value, e.g., 1.23, 1.34, 1.45, at the end.\n"
            + "Question: How much money does Luca need to buy a sour apple candy and a butterscotch candy? (Unit: $)\n"
            + "\n"
            + "Model response: Luca needs $1.45 to buy a sour apple candy and a butterscotch candy.\n"
            + "\n"
            + "Extracted answer: 1.45\n"
            + "\n"
            + "Hint: Please answer the question requiring a Python list as an answer and provide the final list, "
            + "e.g., [1, 2, 3], [1.2, 1.3, 1.4], at the end.\n"
            + "Question: Between which two years does the line  graph saw its maximum peak?\n"
            + "\n"
            + "Model response: The line graph saw its maximum peak between 2007 and 2008.\n"
            + "\n"
            + "Extracted answer: [2007, 2008]\n"
            + "\n"
            + "Hint: Please answer the question and provide the correct option letter, e.g., A, B, C, D, at the end.\n"
            // The source's "\n" escapes here are newlines: the demo is a plain (not raw) Python string.
            + "Question: What fraction of the shape is blue?\nChoices:\n(A) 3/11\n(B) 8/11\n(C) 6/11\n(D) 3/5\n"
            + "\n"
            + "Model response: The correct answer is (B) 8/11.\n"
            + "\n"
            + "Extracted answer: B";

    /** {@code GPT_Model}'s {@code max_tokens}. */
    static final int MAX_TOKENS = 1024;

    /** How many times cota asks while the reply is empty. */
    static final int MAX_ASKS = 5;

    private MathVistaExtractor() {
    }

    /** {@code create_test_prompt(demo_prompt, query, response)}. */
    static String prompt(String query, String response) {
        return DEMO_PROMPT + "\n\n" + query + "\n\n" + response + "\n\nExtracted answer: ";
    }

    /** The judge's extraction for a response the rules could not read. */
    static String extract(Judge judge, String pid, String query, String response) {
        String prompt = prompt(query, response);
        for (int attempt = 0; attempt < MAX_ASKS; attempt++) {
            String reply = JudgeCalls.ask(judge, pid, prompt, 0.0, MAX_TOKENS, attempt);
            if (!reply.isEmpty()) {
                return PyText.strip(reply);
            }
        }
        return "";
    }
}
