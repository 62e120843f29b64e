/**
 * Iterative DPO as Insight-V ran it: each round samples answers from the current policy, scores them
 * against reference answers, builds preference pairs, trains one DPO stage with the previous policy
 * as the reference, and evaluates the new policy on held-out prompts. A sample is one reply or one
 * whole CoTA agent episode ({@code iterate.runner}).
 */
package dev.cota.dpo.iterate;
