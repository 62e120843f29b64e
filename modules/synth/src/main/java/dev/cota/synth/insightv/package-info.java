/**
 * Insight-V's long-chain reasoning data pipeline (Dong et al., 2024, github.com/dongyh20/Insight-V):
 * progressive step-by-step generation, the answer-filter judge, reasoning-path scoring into bins, and
 * the reasoning-agent and summary-agent datasets.
 */
package dev.cota.synth.insightv;
