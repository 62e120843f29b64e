package dev.cota.bench.mmvet;

import dev.cota.data.python.PyFloat;
import dev.cota.data.python.PyText;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The official MM-Vet GPT-4 grader's text and rules ({@code mm-vet_evaluator.py}, {@code runs}):
 * the few-shot prompt, one user message {@code prompt + "\n" + " | ".join([question, answer with
 * " <AND> "/" <OR> " spaced, prediction, ""])} sent with {@code max_tokens=3}, the score
 * {@code float(content.split(" ")[0].strip())} accepted when within [0, 1], and the retry rule: on an
 * unparsable reply the message gets {@code "\nPredict the correctness of the answer (digit): "}
 * appended and is sent again at temperatures 0.0, 0.5, 1.0, 1.5, 2.0 ({@link #RETRY_TEMPERATURES});
 * after the fifth retry the sample scores 0.0 without that last reply being parsed. The official
 * code has no rule that scores without GPT (not even a prediction equal to the answer), so cota,
 * without a judge, leaves every MM-Vet item unjudged.
 */
public final class MmVetGrader {

    /** The official few-shot grading prompt, verbatim. */
    public static final String PROMPT = "Compare the ground truth and prediction from AI models, to give a correctness "
            + "score for the prediction. <AND> in the ground truth means it is totally right only when all elements "
            + "in the ground truth are present in the prediction, and <OR> means it is totally right when any one "
            + "element in the ground truth is present in the prediction. The correctness score is 0.0 (totally "
            + "wrong), 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, or 1.0 (totally right). Just complete the last "
            + "space of the correctness score.\n"
            + "\n"
            + "Question | Ground truth | Prediction | Correctness\n"
            + "--- | --- | --- | ---\n"
            + "What is x in the equation? | -1 <AND> -5 | x = 3 | 0.0\n"
            + "What is x in the equation? | -1 <AND> -5 | x = -1 | 0.5\n"
            + "What is x in the equation? | -1 <AND> -5 | x = -5 | 0.5\n"
            + "What is x in the equation? | -1 <AND> -5 | x = -5 or 5 | 0.5\n"
            + "What is x in the equation? | -1 <AND> -5 | x = -1 or x = -5 | 1.0\n"
            + "Can you explain this meme? | This meme is poking fun at the fact that the names of the countries "
            + "Iceland and Greenland are misleading. Despite its name, Iceland is known for its beautiful green "
            + "landscapes, while Greenland is mostly covered in ice and snow. The meme is saying that the person has "
            + "trust issues because the names of these countries do not accurately represent their landscapes. | "
            + "The meme talks about Iceland and Greenland. It's pointing out that despite their names, Iceland is "
            + "not very icy and Greenland isn't very green. | 0.4\n"
            + "Can you explain this meme? | This meme is poking fun at the fact that the names of the countries "
            + "Iceland and Greenland are misleading. Despite its name, Iceland is known for its beautiful green "
            + "landscapes, while Greenland is mostly covered in ice and snow. The meme is saying that the person has "
            + "trust issues because the names of these countries do not accurately represent their landscapes. | "
            + "The meme is using humor to point out the misleading nature of Iceland's and Greenland's names. "
            + "Iceland, despite its name, has lush green landscapes while Greenland is mostly covered in ice and "
            + "snow. The text 'This is why I have trust issues' is a playful way to suggest that these "
            + "contradictions can lead to distrust or confusion. The humor in this meme is derived from the "
            + "unexpected contrast between the names of the countries and their actual physical "
            + "characteristics. | 1.0\n";

    /** The suffix of the retry message. */
    public static final String RETRY_SUFFIX = "\nPredict the correctness of the answer (digit): ";

    /** The official grader's {@code max_tokens}. */
    public static final int MAX_TOKENS = 3;

    /** The temperature of the first request, then of each retry; past the last, the score is 0.0. */
    public static final List<Double> RETRY_TEMPERATURES = List.of(0.0, 0.5, 1.0, 1.5, 2.0);

    private MmVetGrader() {
    }

    /** The grader's user message; {@code retry} appends {@link #RETRY_SUFFIX}. */
    public static String message(String question, String answer, String prediction, boolean retry) {
        String gt = answer.replace("<AND>", " <AND> ").replace("<OR>", " <OR> ");
        String m = PROMPT + "\n" + String.join(" | ", question, gt, prediction, "");
        return retry ? m + RETRY_SUFFIX : m;
    }

    /**
     * The score of a grader reply, {@code float(content.split(" ")[0].strip())} when it is not
     * outside [0, 1]; empty when the official code would retry. As in Python, {@code "nan"} passes
     * the range check (both comparisons are false), so it is returned as NaN.
     */
    public static OptionalDouble parse(String content) {
        String first = PyText.strip(PyText.split(content, " ").get(0));
        OptionalDouble v = PyFloat.parse(first);
        if (v.isEmpty() || v.getAsDouble() > 1.0 || v.getAsDouble() < 0.0) {
            return OptionalDouble.empty();
        }
        return v;
    }
}
