package dev.cota.dpo.iterate;

/**
 * One reply sampled from the policy, with the answer read from it and its score.
 *
 * @param text the reply as generated (cut at the template's end of turn)
 * @param prediction the extracted final answer; null when none was found
 * @param score 1 when the prediction matches the reference answer, else 0
 */
public record Sample(String text, String prediction, double score) {
}
