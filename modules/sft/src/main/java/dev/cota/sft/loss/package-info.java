/** Masked next-token cross-entropy, summed so that the trainer's token-mean is exact under accumulation. */
package dev.cota.sft.loss;
