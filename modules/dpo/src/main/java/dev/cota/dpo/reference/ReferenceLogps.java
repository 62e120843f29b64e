package dev.cota.dpo.reference;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The reference policy's completion log-probs of every training pair, in data order: what the
 * cache file holds, with the hashes it was computed for.
 *
 * @param dataHash the pairs' hash ({@code DpoData.dataHash})
 * @param referenceHash the reference weights' hash ({@link ReferenceCache#referenceHash})
 * @param chosen summed log-prob of each pair's chosen completion
 * @param rejected summed log-prob of each pair's rejected completion
 */
public record ReferenceLogps(
        @JsonProperty("data_hash") String dataHash,
        @JsonProperty("reference_hash") String referenceHash,
        @JsonProperty("chosen") float[] chosen,
        @JsonProperty("rejected") float[] rejected) {

    public ReferenceLogps {
        if (chosen == null || rejected == null || chosen.length != rejected.length) {
            throw new IllegalArgumentException("reference log-probs need one chosen and one rejected value per pair");
        }
    }

    /** Number of pairs. */
    public int size() {
        return chosen.length;
    }
}
