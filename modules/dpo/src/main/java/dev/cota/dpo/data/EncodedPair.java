package dev.cota.dpo.data;

import dev.cota.data.encode.EncodedSample;

/**
 * A preference pair as the trainer reads it: both sides encoded by the chat template, each loss
 * mask 1 exactly on its completion's assistant tokens.
 *
 * @param id the pair's id
 * @param chosen the preferred side
 * @param rejected the dispreferred side
 */
public record EncodedPair(String id, EncodedSample chosen, EncodedSample rejected) {
}
