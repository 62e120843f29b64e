/**
 * Copying corpora ({@code Copy: X Y Z} → {@code X Y Z}) that teach a decoder trained from scratch to
 * repeat what it reads before it is fine-tuned on chains of thought and action.
 */
package dev.cota.synth.copy;
