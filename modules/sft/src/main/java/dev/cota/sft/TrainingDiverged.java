package dev.cota.sft;

import dev.cota.core.CotaException;

/** A step whose loss or gradient norm is NaN or infinite: the run stops before updating the weights. */
public final class TrainingDiverged extends CotaException {

    public TrainingDiverged(String message) {
        super(message);
    }
}
