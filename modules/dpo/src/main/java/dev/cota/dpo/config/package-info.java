/** The configuration of a preference-tuning run ({@code configs/dpo/*.yaml}): strict records with their defaults. */
package dev.cota.dpo.config;
