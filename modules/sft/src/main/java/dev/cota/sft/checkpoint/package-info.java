/** Training checkpoints written atomically (weights, optimizer moments, trainer state) and found again on resume. */
package dev.cota.sft.checkpoint;
