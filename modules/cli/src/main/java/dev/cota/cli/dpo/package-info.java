/** {@code cota dpo}: preference-tuning workflows beyond one run ({@code iterate}: Insight-V's iterative DPO). */
package dev.cota.cli.dpo;
