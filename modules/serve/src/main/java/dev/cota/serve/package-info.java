/**
 * {@code cota serve}: an OpenAI-compatible HTTP server for cota checkpoints. Requests to
 * {@code POST /v1/chat/completions} are validated and prepared on the HTTP threads, wait in a
 * bounded queue ({@link dev.cota.serve.BatchScheduler}) and run together in the model's batched
 * generation; replies come back whole or as server-sent events. {@link dev.cota.serve.ChatServer}
 * is the entry point.
 */
package dev.cota.serve;
