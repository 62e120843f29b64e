package dev.cota.bench.vlmeval;

import dev.cota.bench.Judge;
import dev.cota.bench.judge.JudgeCalls;
import dev.cota.bench.text.PyRandom;
import dev.cota.data.python.PyText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * VLMEvalKit's LLM choice matcher, {@code extract_answer_from_item} in
 * {@code vlmeval/dataset/utils/multiple_choice.py}: the prediction is stripped; one shorter than 10
 * characters is tried with {@code can_infer} first; otherwise the judge is asked the
 * {@code build_prompt} text (the Chinese {@code build_prompt_cn} when the question holds a CJK
 * character, {@code cn_string}) with the options as {@code build_option_str} writes them, at
 * {@code OpenAIWrapper}'s temperature 0 and {@code max_tokens} 2048, and its reply goes through
 * {@code can_infer}; after 3 replies that decide nothing VLMEvalKit picks at random among the options
 * and Z. Its generator is unseeded, so no run can be repeated; cota draws with Python's Mersenne
 * Twister seeded from the item id, so the pick has the official distribution and is reproducible.
 */
public final class ChoiceJudge {

    private static final String PROMPT = "You are an AI assistant who will help me to match an answer with several "
            + "options of a single-choice question. You are provided with a question, several options, and an answer, "
            + "and you need to find which option is most similar to the answer. If the meaning of all options are "
            + "significantly different from the answer, output Z. Your should output a single uppercase character in "
            + "A, B, C, D (if they are valid options), and Z. \n"
            + "Example 1: \n"
            + "Question: What is the main object in image?\nOptions: A. teddy bear B. rabbit C. cat D. dog\n"
            + "Answer: a cute teddy bear\nYour output: A\n"
            + "Example 2: \n"
            + "Question: What is the main object in image?\nOptions: A. teddy bear B. rabbit C. cat D. dog\n"
            + "Answer: Spider\nYour output: Z\n"
            + "Example 3: \n"
            + "Question: %s?\nOptions: %s\nAnswer: %s\nYour output: ";

    private static final String PROMPT_CN = "你是一个帮助我匹配答案与单选题中多个选项的 AI 助手。"
            + "你会被提供：一个问题，多个选项，一个答案。你的任务是找到与答案意义最相近的选项。"
            + "如果所有选项的意义都与答案显著不同，则输出 Z。"
            + "你应该输出一个单个的大写字母，例如 A, B, C, D（如果它们是有效选项），或 Z。"
            + "例 1:"
            + "问题: 图中最主要的物体是什么?\n选项: A. 泰迪熊 B. 兔子 C. 猫 D. 狗\n答案: 一只可爱的泰迪熊\n输出: A\n"
            + "例 2: \n"
            + "问题: 图中最主要的物体是什么?\n选项: A. 泰迪熊 B. 兔子 C. 猫 D. 狗\n答案: 蜘蛛\n输出: Z\n"
            + "例 3: \n"
            + "问题: %s?\n选项: %s\n答案: %s\n输出: ";

    private static final Pattern CJK = Pattern.compile("[\u4e00-\u9fff]");

    /** {@code OpenAIWrapper}'s defaults for the judge. */
    static final int MAX_TOKENS = 2048;
    static final int RETRIES = 3;

    /**
     * What the matcher gave.
     *
     * @param option the option letter, or Z
     * @param log the reply the letter came from, or the prediction when the rules decided
     * @param random true when the letter was drawn after three undecided replies
     */
    public record Match(String option, String log, boolean random) {
    }

    private ChoiceJudge() {
    }

    /** {@code build_option_str}. */
    static String options(Map<String, String> choices) {
        StringBuilder s = new StringBuilder("There are several options: \n");
        choices.forEach((k, v) -> s.append(k).append(". ").append(v).append('\n'));
        return s.toString();
    }

    /** The judge's prompt: {@code build_prompt}, or {@code build_prompt_cn} for a question with CJK text. */
    static String prompt(String question, Map<String, String> choices, String prediction) {
        String tmpl = CJK.matcher(question).find() ? PROMPT_CN : PROMPT;
        return String.format(tmpl, question, options(choices), prediction); // str.format: the values are not parsed
    }

    /** {@code extract_answer_from_item} with a judge. */
    public static Match match(Judge judge, String itemId, String question, Map<String, String> choices,
                              String prediction) {
        String pred = PyText.strip(prediction);
        if (PyText.len(pred) < 10) {
            String ret = ChoiceInference.canInfer(pred, choices);
            if (ret != null) {
                return new Match(ret, pred, false);
            }
        }
        String prompt = prompt(question, choices, pred);
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            String ans = JudgeCalls.ask(judge, itemId, prompt, 0.0, MAX_TOKENS, attempt);
            String ret = ChoiceInference.canInfer(ans, choices);
            if (ret != null) {
                return new Match(ret, ans, false);
            }
        }
        List<String> options = new ArrayList<>(choices.keySet());
        if (!options.contains("Z")) {
            options.add("Z");
        } else {
            options.clear(); // Python: `list(choices) + ['Z'] if 'Z' not in choices else []`
        }
        return new Match(new PyRandom(Integer.toUnsignedLong(itemId.hashCode())).choice(options),
                "Failed to predict, thus randomly generate one. ", true);
    }
}
