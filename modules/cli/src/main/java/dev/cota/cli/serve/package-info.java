/** {@code cota serve}: the OpenAI-compatible server for a cota checkpoint. */
package dev.cota.cli.serve;
