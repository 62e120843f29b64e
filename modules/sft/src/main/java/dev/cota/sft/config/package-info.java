/** The configuration of a fine-tuning run ({@code configs/sft/*.yaml}): strict records with their defaults. */
package dev.cota.sft.config;
