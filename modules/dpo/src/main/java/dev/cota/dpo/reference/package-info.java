/** Reference-policy log-probs: computed once in a separate pass and cached on disk by data and weights. */
package dev.cota.dpo.reference;
