/**
 * LLM judges for the official scorers that ask one: {@link dev.cota.bench.judge.OpenAiJudge} (any
 * OpenAI-compatible chat-completions endpoint, through the agent's HTTP backend),
 * {@link dev.cota.bench.judge.CachedJudge} (every call cached on disk, so re-scoring is free and
 * reproducible), their config {@link dev.cota.bench.judge.JudgeConfig} and the one place that builds
 * them, {@link dev.cota.bench.judge.Judges}.
 */
package dev.cota.bench.judge;
